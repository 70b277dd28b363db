using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Executions;

/// <summary>
/// Starts executions for every host and trigger (HTTP, queue messages, schedules). Hosts hand it what they received
/// and a client; it decides the orchestrator, the instance id and the input.
/// </summary>
/// <remarks>Placeholder: every execution runs <see cref="OrchestratorNames.Ping"/> until the state-machine orchestrator is wired.</remarks>
/// <param name="logger">The logger.</param>
public sealed class ExecutionStarter(ILogger<ExecutionStarter> logger)
{
    /// <summary>The input a scheduled start runs with.</summary>
    internal static readonly string ScheduledInput = DurableJson.Serialize(new PingInput(Branches: 1, TimerMilliseconds: 0));

    /// <summary>Starts one execution.</summary>
    /// <param name="client">The client for the host's task hub.</param>
    /// <param name="command">What to start.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The instance id.</returns>
    /// <exception cref="FormatException">The input is not valid JSON.</exception>
    public async Task<string> StartAsync(IExecutionClient client, StartExecutionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(command);
        EnsureJson(command.InputJson);
        string instanceId = string.IsNullOrWhiteSpace(command.InstanceId) ? Guid.NewGuid().ToString("N") : command.InstanceId;
        Log.ExecutionStarting(logger, OrchestratorNames.Ping, instanceId, command.Trigger);
        await client.StartAsync(OrchestratorNames.Ping, instanceId, command.InputJson, cancellationToken).ConfigureAwait(false);
        return instanceId;
    }

    /// <summary>
    /// Starts an execution from a queue message: <c>{"input": &lt;any JSON&gt;, "instanceId": "optional"}</c>.
    /// </summary>
    /// <param name="client">The client for the host's task hub.</param>
    /// <param name="message">The message text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The instance id.</returns>
    /// <exception cref="FormatException">The message is malformed (the queue retries it, then moves it to poison).</exception>
    public Task<string> StartFromQueueMessageAsync(IExecutionClient client, string message, CancellationToken cancellationToken)
    {
        JsonObject envelope;
        try
        {
            envelope = JsonNode.Parse(message) as JsonObject
                ?? throw new FormatException("A start message must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("A start message must be JSON.", ex);
        }

        if (!envelope.TryGetPropertyValue("input", out JsonNode? input))
        {
            throw new FormatException("A start message needs an \"input\" field.");
        }

        string? instanceId = envelope["instanceId"] is JsonValue id && id.TryGetValue(out string? text) ? text : null;
        return StartAsync(client, new StartExecutionCommand(input?.ToJsonString() ?? "null", instanceId, "queue"), cancellationToken);
    }

    /// <summary>
    /// Starts the execution a schedule fired. The instance id is derived from the schedule and its due time, so a
    /// schedule that fires twice for one slot starts one execution.
    /// </summary>
    /// <param name="client">The client for the host's task hub.</param>
    /// <param name="scheduleName">The schedule's name.</param>
    /// <param name="dueAt">When the schedule fired; truncated to whole seconds to name the slot.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The instance id.</returns>
    public Task<string> StartFromScheduleAsync(IExecutionClient client, string scheduleName, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        string instanceId = string.Create(CultureInfo.InvariantCulture, $"{scheduleName}-{dueAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
        return StartAsync(client, new StartExecutionCommand(ScheduledInput, instanceId, "schedule"), cancellationToken);
    }

    private static void EnsureJson(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The execution input is not valid JSON.", ex);
        }
    }
}
