using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Api.Contracts;

namespace AslOnDurable.Runtime.Api.Testing;

/// <summary>
/// TestState's <c>inspectionData</c> (DEBUG, TRACE): each step of the tested state's data flow. What the run's history
/// shows is read from it (a task's parameters or arguments and raw result, the variables the state assigned); each
/// JSONPath step it does not show (InputPath, a Pass state's Parameters, ResultSelector, ResultPath) is the output of a
/// one-state Pass machine that applies just that field, run on the engine with the same variables, so the engine
/// alone evaluates paths, templates and intrinsic functions. A task is never called twice.
/// </summary>
/// <param name="runner">Runs the step machines.</param>
internal sealed class DataFlowInspection(ProbeRunner runner)
{
    /// <summary>Builds the inspection data of a finished probe run.</summary>
    /// <param name="probe">The probe.</param>
    /// <param name="events">The run's history.</param>
    /// <param name="input">The state's input.</param>
    /// <param name="variables">The variables the request set, or <see langword="null"/>.</param>
    /// <param name="normal">Whether the state left normally (Next, End), not by an error.</param>
    /// <param name="details">Which retrier or catcher applies.</param>
    /// <returns>The inspection data (without HTTP request and response).</returns>
    public async Task<InspectionData> InspectAsync(StateProbe probe, IReadOnlyList<HistoryEvent> events, JsonNode? input, JsonObject? variables, bool normal, InspectionErrorDetails? details)
    {
        JsonObject state = probe.State;
        string inputText = Text(input);
        JsonObject? scheduled = events.FirstOrDefault(e => e.Type is HistoryEventTypes.TaskScheduled or HistoryEventTypes.LambdaFunctionScheduled or HistoryEventTypes.ActivityScheduled)?.Details;
        string? taskInput = (string?)scheduled?["parameters"] ?? (string?)scheduled?["input"];
        string? taskResult = (string?)events.FirstOrDefault(e => e.Type is HistoryEventTypes.TaskSucceeded or HistoryEventTypes.LambdaFunctionSucceeded or HistoryEventTypes.ActivitySucceeded)?.Details?["output"];
        string? variablesText = Variables(probe, events, variables);
        if (probe.IsJsonata)
        {
            return new InspectionData(inputText, null, null, taskInput, taskResult, null, null, null, null, variablesText, details);
        }

        string? afterInputPath = state.ContainsKey("InputPath") ? await StepAsync(new JsonObject { ["InputPath"] = Copy(state["InputPath"]) }, input, variables).ConfigureAwait(false) : inputText;
        string? afterParameters = probe.Type switch
        {
            "Task" or "Parallel" => taskInput,
            "Pass" when state.ContainsKey("Parameters") && afterInputPath is not null =>
                await StepAsync(new JsonObject { ["Parameters"] = Copy(state["Parameters"]) }, Parse(afterInputPath), variables).ConfigureAwait(false),
            "Pass" => afterInputPath,
            _ => null,
        };
        string? afterItemsPath = probe.Type != "Map" || afterInputPath is null ? null
            : state.ContainsKey("ItemsPath") ? await StepAsync(new JsonObject { ["InputPath"] = Copy(state["ItemsPath"]) }, Parse(afterInputPath), variables).ConfigureAwait(false)
            : afterInputPath;
        string? result = probe.Type switch
        {
            "Task" or "Map" or "Parallel" => taskResult,
            "Pass" when state.ContainsKey("Result") => Text(state["Result"]),
            "Pass" => afterParameters,
            _ => null,
        };
        string? afterResultSelector = result is not null && state.ContainsKey("ResultSelector")
            ? await StepAsync(new JsonObject { ["Parameters"] = Copy(state["ResultSelector"]) }, Parse(result), variables).ConfigureAwait(false)
            : result;
        string? afterResultPath = null;
        if (normal && afterResultSelector is not null)
        {
            JsonObject step = new() { ["Result"] = Parse(afterResultSelector) };
            if (state.ContainsKey("ResultPath"))
            {
                step["ResultPath"] = Copy(state["ResultPath"]);
            }

            afterResultPath = await StepAsync(step, input, variables).ConfigureAwait(false);
        }

        return new InspectionData(
            inputText, afterInputPath, afterParameters, null, result, afterResultSelector, afterResultPath, null, null, variablesText, details, afterItemsPath);
    }

    /// <summary>The variables after the state: the request's, then those the state assigned (its StateExited event's).</summary>
    private static string? Variables(StateProbe probe, IReadOnlyList<HistoryEvent> events, JsonObject? given)
    {
        JsonObject? assigned = events.LastOrDefault(e => e.Type.EndsWith("StateExited", StringComparison.Ordinal)
            && (string?)e.Details?["name"] == probe.StateName)?.Details?["assignedVariables"] as JsonObject;
        if (given is null && assigned is null)
        {
            return null;
        }

        JsonObject all = given is null ? [] : (JsonObject)given.DeepClone();
        foreach (var (name, value) in assigned ?? [])
        {
            all[name] = value is JsonValue text && text.GetValueKind() == JsonValueKind.String ? Parse((string)text!) : Copy(value);
        }

        return Text(all);
    }

    /// <summary>The output of a one-state JSONPath Pass machine with the given fields, or <see langword="null"/> when it fails.</summary>
    private async Task<string?> StepAsync(JsonObject fields, JsonNode? input, JsonObject? variables)
    {
        fields["Type"] = "Pass";
        ExecutionResult run = await runner.RunStepAsync(fields, input, variables).ConfigureAwait(false);
        return run.Status == ExecutionStatus.Succeeded ? Text(run.Output) : null;
    }

    private static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    private static string Text(JsonNode? node) => node?.ToJsonString(JsonLimits.SerializerOptions) ?? "null";

    private static JsonNode? Parse(string text) => JsonNode.Parse(text, documentOptions: JsonLimits.DocumentOptions);
}
