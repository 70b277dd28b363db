using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Json;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Observability;

/// <summary>
/// Logs an execution's history events as the state machine's <c>loggingConfiguration</c> says: the events its level
/// admits (<see cref="ExecutionLogLevels"/>), each as one structured log entry whose message is the record AWS writes to
/// CloudWatch Logs (<c>id</c>, <c>type</c>, <c>details</c>, <c>previous_event_id</c>, <c>event_timestamp</c>,
/// <c>execution_arn</c>). Error events log at <see cref="LogLevel.Error"/>, the others at <see cref="LogLevel.Information"/>.
/// </summary>
/// <remarks>
/// Payloads (<c>input</c>, <c>output</c>, <c>parameters</c>) are logged only with <c>includeExecutionData</c>; without
/// it a record says so (<c>"included": false</c>, as AWS's <c>inputDetails</c>/<c>outputDetails</c>). Error names and
/// causes are always logged. Header and field values that carry credentials (<c>Authorization</c>, API keys, passwords,
/// client secrets) are masked even with execution data on; connection secrets themselves never reach history.
/// </remarks>
public sealed class ExecutionLog : IHistorySink
{
    /// <summary>How records are written: compact, and escaping only what JSON requires (logs are not HTML).</summary>
    internal static readonly JsonSerializerOptions RecordJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = JsonLimits.MaxDepth,
    };

    private static readonly string[] PayloadFields = ["input", "output", "parameters", "result"];

    private readonly ILogger logger;
    private readonly string level;
    private readonly bool includeExecutionData;
    private readonly string executionArn;

    /// <summary>Creates the log of one execution.</summary>
    /// <param name="logger">Where entries go.</param>
    /// <param name="level">The level (ALL, ERROR, FATAL, OFF).</param>
    /// <param name="includeExecutionData">Whether payloads are logged.</param>
    /// <param name="executionArn">The execution ARN.</param>
    public ExecutionLog(ILogger logger, string level, bool includeExecutionData, string executionArn)
    {
        this.logger = logger;
        this.level = level;
        this.includeExecutionData = includeExecutionData;
        this.executionArn = executionArn;
    }

    /// <inheritdoc />
    public void Record(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        if (!ExecutionLogLevels.Logs(level, historyEvent.Type))
        {
            return;
        }

        string record = Format(historyEvent);
        if (ExecutionLogLevels.IsError(historyEvent.Type))
        {
            Log.ExecutionErrorEvent(logger, historyEvent.Type, historyEvent.Id, executionArn, record);
        }
        else
        {
            Log.ExecutionEvent(logger, historyEvent.Type, historyEvent.Id, executionArn, record);
        }
    }

    /// <summary>The CloudWatch-shaped record of one event.</summary>
    /// <param name="historyEvent">The event.</param>
    /// <returns>The record as compact JSON text.</returns>
    internal string Format(HistoryEvent historyEvent)
    {
        JsonObject details = new();
        if (historyEvent.Details is { } source)
        {
            foreach ((string name, JsonNode? value) in source)
            {
                if (Array.IndexOf(PayloadFields, name) >= 0)
                {
                    if (includeExecutionData)
                    {
                        details[name] = LogRedaction.Mask(value);
                    }

                    details[name + "Details"] = new JsonObject { ["included"] = includeExecutionData };
                }
                else
                {
                    details[name] = value?.DeepClone();
                }
            }
        }

        JsonObject record = new()
        {
            ["id"] = historyEvent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = historyEvent.Type,
            ["details"] = details,
            ["previous_event_id"] = historyEvent.PreviousEventId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["event_timestamp"] = historyEvent.Timestamp.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["execution_arn"] = executionArn,
        };
        return record.ToJsonString(RecordJson);
    }
}
