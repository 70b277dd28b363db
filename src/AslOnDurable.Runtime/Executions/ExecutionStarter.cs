using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Observability;
using Microsoft.Extensions.Logging;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Runtime.Executions;

/// <summary>
/// Starts Standard workflow executions (<see cref="StateMachineOrchestrator"/>) for every host and trigger (HTTP,
/// queue messages, schedules). Hosts hand it what they received and a client; it checks the definition and input,
/// picks the instance id and writes the <see cref="StateMachineInput"/> record.
/// </summary>
/// <remarks>
/// Until the state machine registry exists, a start carries the definition itself. HTTP bodies and queue messages
/// share one shape (<see cref="StartFromRequestAsync"/>):
/// <code>
/// {"definition": {ASL object} or "ASL JSON text", "input": any JSON (default {}),
///  "name": "optional execution name = instance id", "stateMachineName": "optional"}
/// </code>
/// A schedule takes the definition and input from configuration (<see cref="StartFromScheduleAsync"/>).
/// </remarks>
/// <param name="plans">Compiled definitions (a start compiles its definition once, so an invalid one is refused at once).</param>
/// <param name="logger">The logger.</param>
public sealed class ExecutionStarter(ExecutionPlanCache plans, ILogger<ExecutionStarter> logger)
{
    private const int MaxNameLength = 80;

    /// <summary>Starts one execution.</summary>
    /// <param name="client">The client for the host's task hub.</param>
    /// <param name="command">What to start.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The instance id (the execution name).</returns>
    /// <exception cref="StartExecutionException">The definition, input or name is invalid; nothing was scheduled.</exception>
    public async Task<string> StartAsync(IExecutionClient client, StartExecutionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(command);
        JsonNode? input = ParseJson(command.InputJson, "InvalidExecutionInput", "The execution input is not valid JSON.");
        if (plans.Get(command.Definition).Problem is { } problem)
        {
            throw new StartExecutionException("InvalidDefinition", problem);
        }

        string instanceId = command.Name is null ? Guid.NewGuid().ToString("N") : CheckName(command.Name);
        instanceId = command.InstanceId ?? instanceId;
        string payload = DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, command.Definition, input)
        {
            ExecutionName = command.Name,
            StateMachineName = command.StateMachineName,
            ArnPrefix = command.ArnPrefix,
            MaxActionsPerGeneration = StateMachineOrchestrator.StartMaxActionsPerGeneration,
            TraceParent = System.Diagnostics.Activity.Current?.Id, // the HTTP request or queue message that started it
            LogLevel = ExecutionLogLevels.LogsAnything(command.LogLevel) ? command.LogLevel : null,
            LogExecutionData = command.LogExecutionData ? true : null,
        });
        Log.ExecutionStarting(logger, OrchestratorNames.StateMachine, instanceId, command.Trigger);
        await client.StartAsync(OrchestratorNames.StateMachine, instanceId, payload, cancellationToken).ConfigureAwait(false);
        return instanceId;
    }

    /// <summary>
    /// Starts an execution from an HTTP body or a queue message:
    /// <c>{"definition": …, "input": …, "name": "optional", "stateMachineName": "optional"}</c>.
    /// </summary>
    /// <param name="client">The client for the host's task hub.</param>
    /// <param name="request">The body or message text.</param>
    /// <param name="trigger">What carried it (for logs): http, queue…</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The instance id.</returns>
    /// <exception cref="StartExecutionException">The request is malformed (a queue retries it, then moves it to poison).</exception>
    public Task<string> StartFromRequestAsync(IExecutionClient client, string request, string trigger, CancellationToken cancellationToken)
    {
        JsonObject envelope = ParseJson(request, "InvalidRequest", "A start request must be JSON.") as JsonObject
            ?? throw new StartExecutionException("InvalidRequest", "A start request must be a JSON object.");
        string definition = envelope["definition"] switch
        {
            JsonObject asl => asl.ToJsonString(JsonLimits.SerializerOptions),
            JsonValue text when text.TryGetValue(out string? aslText) => aslText,
            _ => throw new StartExecutionException("InvalidRequest", "A start request needs a \"definition\": the ASL object or its JSON text."),
        };
        string input = envelope.TryGetPropertyValue("input", out JsonNode? inputNode) ? inputNode?.ToJsonString(JsonLimits.SerializerOptions) ?? "null" : "{}";
        return StartAsync(
            client,
            new StartExecutionCommand(definition, input, OptionalText(envelope, "name"), trigger) { StateMachineName = OptionalText(envelope, "stateMachineName") },
            cancellationToken);
    }

    /// <summary>
    /// Starts the execution a schedule fired. The instance id is derived from the schedule and its due time, so a
    /// schedule that fires twice for one slot starts one execution.
    /// </summary>
    /// <param name="client">The client for the host's task hub.</param>
    /// <param name="scheduleName">The schedule's name (also the state machine name).</param>
    /// <param name="dueAt">When the schedule fired; truncated to whole seconds to name the slot.</param>
    /// <param name="definition">The ASL definition text from configuration, or <c>null</c> when none is configured.</param>
    /// <param name="inputJson">The input from configuration, or <c>null</c> for <c>{}</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The instance id.</returns>
    /// <exception cref="StartExecutionException">No definition is configured, or it or the input is invalid.</exception>
    public Task<string> StartFromScheduleAsync(
        IExecutionClient client, string scheduleName, DateTimeOffset dueAt, string? definition, string? inputJson, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(definition))
        {
            throw new StartExecutionException("InvalidDefinition", $"Schedule '{scheduleName}' has no state machine definition configured.");
        }

        string instanceId = string.Create(CultureInfo.InvariantCulture, $"{scheduleName}-{dueAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
        return StartAsync(
            client,
            new StartExecutionCommand(definition, string.IsNullOrWhiteSpace(inputJson) ? "{}" : inputJson, instanceId, "schedule") { StateMachineName = scheduleName },
            cancellationToken);
    }

    private static JsonNode? ParseJson(string json, string errorType, string message)
    {
        try
        {
            return StrictJson.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new StartExecutionException(errorType, message + " " + ex.Message, ex);
        }
    }

    private static string? OptionalText(JsonObject envelope, string field) => envelope[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        _ => throw new StartExecutionException("InvalidRequest", $"\"{field}\" must be a string."),
    };

    // AWS execution names: 1-80 characters, no whitespace, wildcards, brackets, control characters or
    // "\ ^ ` | # % / ?" — the last few also keep instance ids safe in URLs and storage keys.
    private static string CheckName(string name)
    {
        bool valid = name.Length is > 0 and <= MaxNameLength
            && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || "<>{}[]?*\"#%\\^|~`$&,;:/".Contains(c, StringComparison.Ordinal));
        return valid ? name : throw new StartExecutionException("InvalidName", $"Invalid execution name: '{name}'.");
    }
}
