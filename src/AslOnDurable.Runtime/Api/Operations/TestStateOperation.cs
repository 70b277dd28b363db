using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Testing;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// TestState: runs one state once on the in-memory engine (a <see cref="StateProbe"/>): Pass, Choice, Wait (without
/// waiting), Succeed, Fail and Task states (through the host's integrations, or the request's <c>mock</c>), and answers
/// AWS's status (SUCCEEDED, FAILED, CAUGHT_ERROR, or RETRIABLE when a retrier applies: TestState never retries), the
/// next state, the output, and with DEBUG/TRACE the data flow (<c>inspectionData</c>).
/// </summary>
/// <remarks>
/// As AWS: Map and Parallel states, activity tasks and <c>.sync</c>/<c>.waitForTaskToken</c> integrations need a mock
/// (Map and Parallel are refused here even with one). TRACE shows what DEBUG shows (HTTP requests are not captured).
/// </remarks>
/// <param name="api">The shared resources.</param>
/// <param name="options">The region and account of ARNs.</param>
internal sealed class TestStateOperation(ApiResources api, ApiOptions options) : ApiOperation<TestStateRequest, TestStateResponse>
{
    private static readonly JsonataLibraryEvaluator Jsonata = new();

    /// <inheritdoc />
    public override string Action => "TestState";

    /// <inheritdoc />
    protected override async Task<TestStateResponse> HandleAsync(TestStateRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string definition = RequestFields.Required(request.Definition, "definition", DefinitionChecks.MaxDefinitionLength);
        string level = RequestFields.Enum(request.InspectionLevel, "inspectionLevel", "INFO", "INFO", "DEBUG", "TRACE");
        if (request.RoleArn is not null)
        {
            DefinitionChecks.RoleArn(request.RoleArn);
        }

        RequestFields.Length(request.StateName, "stateName", RequestFields.MaxNameLength);
        int retryCount = request.StateConfiguration?.RetrierRetryCount ?? 0;
        if (retryCount < 0)
        {
            throw ApiException.Validation("stateConfiguration.retrierRetryCount", retryCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "Member must have value greater than or equal to 0");
        }

        StateProbe probe = StateProbe.Build(definition, request.StateName, retryCount);
        ITaskHandler tasks = Tasks(probe, request.Mock);
        DefinitionChecks.Definition(probe.Definition);
        ExecutionPlan plan = ExecutionPlan.FromText(probe.Definition, Jsonata, out string? problem)
            ?? throw new ApiException(ApiErrorTypes.InvalidDefinition, "Invalid State Machine Definition: '" + problem + "'");
        string inputText = request.Input ?? "{}";
        JsonNode? input = ExecutionStarts.Input(inputText);
        string inputJson = input?.ToJsonString(JsonLimits.SerializerOptions) ?? "null";

        ListHistorySink history = new();
        InMemoryExecutionHost host = new(api.Time, tasks, new InMemoryHostOptions { SkipWaits = true });
        ExecutionResult result = await new Interpreter(plan).RunAsync(
            new ExecutionRequest { Input = input, Name = "TestState", StateMachineName = "TestState", ArnPrefix = options.ArnPrefix },
            host, new ExecutionOptions { History = history }).ConfigureAwait(false);
        return Answer(probe, result, history.Events, inputJson, level != "INFO");
    }

    private ITaskHandler Tasks(StateProbe probe, TestStateMock? mock)
    {
        if (probe.Type is "Map" or "Parallel")
        {
            throw new ApiException(ApiErrorTypes.InvalidDefinition, $"Invalid State Machine Definition: 'TestState does not support {probe.Type} states'");
        }

        if (mock is null)
        {
            string resource = (string?)probe.State["Resource"] ?? string.Empty;
            bool needsMock = resource.EndsWith(".sync", StringComparison.Ordinal) || resource.EndsWith(".sync:2", StringComparison.Ordinal)
                || resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal) || resource.Contains(":activity:", StringComparison.Ordinal);
            return probe.Type == "Task" && needsMock
                ? throw new ApiException(ApiErrorTypes.InvalidDefinition, $"Invalid State Machine Definition: 'TestState supports activity tasks, .sync and .waitForTaskToken integrations only with a mock: {resource}'")
                : api.Tasks;
        }

        if (probe.Type != "Task")
        {
            throw ApiException.Validation("mock", null, "A mock applies to Task states only");
        }

        if ((mock.Result is null) == (mock.ErrorOutput is null))
        {
            throw ApiException.Validation("mock", null, "Exactly one of result and errorOutput must be given");
        }

        if (mock.Result is not null)
        {
            try
            {
                using JsonDocument _ = JsonDocument.Parse(mock.Result, JsonLimits.DocumentOptions);
            }
            catch (JsonException e)
            {
                throw ApiException.Validation("mock.result", null, "Member must be valid JSON: " + e.Message);
            }
        }

        return new TestStateMockHandler(mock.Result, mock.ErrorOutput is { } e2 ? new AslError(e2.Error ?? string.Empty, e2.Cause) : null);
    }

    /// <summary>AWS's answer from the probe's run: where the state went, with which output or error.</summary>
    private static TestStateResponse Answer(StateProbe probe, ExecutionResult result, IReadOnlyList<HistoryEvent> events, string inputText, bool inspect)
    {
        HistoryEvent? stub = events.FirstOrDefault(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal)
            && ((string?)e.Details?["name"])?.StartsWith(StateProbe.StubPrefix, StringComparison.Ordinal) == true);
        ProbeExit? exit = stub is null ? null : probe.Exits[(string)stub.Details!["name"]!];
        string? reached = (string?)stub?.Details?["input"];
        (string? error, string? cause) = LastError(events);
        TestStateResponse answer = exit?.Kind switch
        {
            ProbeExit.Next => new(reached, null, null, null, exit.Target, "SUCCEEDED"),
            ProbeExit.Catch => new(reached, error ?? ErrorField(reached, "Error"), cause ?? ErrorField(reached, "Cause"), null, exit.Target, "CAUGHT_ERROR"),
            ProbeExit.Retry => new(null, ErrorField(reached, "Error"), ErrorField(reached, "Cause"), null, null, "RETRIABLE"),
            _ when result.Status == ExecutionStatus.Succeeded => new(result.Output?.ToJsonString(JsonLimits.SerializerOptions) ?? "null", null, null, null, null, "SUCCEEDED"),
            _ => new(null, result.Error?.Error, result.Error?.Cause, null, null, "FAILED"),
        };
        return inspect ? answer with { InspectionData = Inspect(probe, events, inputText, answer, exit) } : answer;
    }

    /// <summary>
    /// The data flow the run shows: the input, the task's parameters (JSONPath) or arguments (JSONata) and raw result, and
    /// the steps that are identities when their field is absent (InputPath, ResultSelector, OutputPath).
    /// </summary>
    private static InspectionData Inspect(StateProbe probe, IReadOnlyList<HistoryEvent> events, string inputText, TestStateResponse answer, ProbeExit? exit)
    {
        JsonObject state = probe.State;
        bool jsonata = (string?)state["QueryLanguage"] == "JSONata";
        JsonObject? scheduled = events.FirstOrDefault(e => e.Type is HistoryEventTypes.TaskScheduled or HistoryEventTypes.LambdaFunctionScheduled or HistoryEventTypes.ActivityScheduled)?.Details;
        string? parameters = (string?)scheduled?["parameters"] ?? (string?)scheduled?["input"];
        string? result = (string?)events.FirstOrDefault(e => e.Type is HistoryEventTypes.TaskSucceeded or HistoryEventTypes.LambdaFunctionSucceeded or HistoryEventTypes.ActivitySucceeded)?.Details?["output"];
        if (result is null && probe.Type == "Pass" && state["Result"] is { } fixedResult)
        {
            result = fixedResult.ToJsonString(JsonLimits.SerializerOptions);
        }

        bool normal = answer.Status == "SUCCEEDED" && (exit is null || exit.Kind == ProbeExit.Next);
        InspectionErrorDetails? details = exit?.Kind switch
        {
            ProbeExit.Catch => new InspectionErrorDetails(exit.Index, null, null),
            ProbeExit.Retry => new InspectionErrorDetails(null, exit.Index, exit.BackoffSeconds),
            _ => null,
        };
        return new InspectionData(
            inputText,
            jsonata ? null : state["InputPath"] is null ? inputText : null,
            jsonata ? null : parameters,
            jsonata ? parameters : null,
            result,
            result is not null && state["ResultSelector"] is null && !jsonata ? result : null,
            normal && !jsonata && state["OutputPath"] is null ? answer.Output : null,
            details);
    }

    /// <summary>The error and cause of the last failure event recorded (a task's), if any.</summary>
    private static (string? Error, string? Cause) LastError(IReadOnlyList<HistoryEvent> events)
    {
        JsonObject? failed = events.LastOrDefault(e => e.Details?.ContainsKey("error") == true && e.Type != HistoryEventTypes.ExecutionFailed)?.Details;
        return ((string?)failed?["error"], (string?)failed?["cause"]);
    }

    private static string? ErrorField(string? errorOutput, string field)
    {
        try
        {
            return errorOutput is null ? null : (string?)(JsonNode.Parse(errorOutput) as JsonObject)?[field];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
