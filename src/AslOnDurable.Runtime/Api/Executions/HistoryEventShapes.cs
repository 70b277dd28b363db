using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;

namespace AslOnDurable.Runtime.Api.Executions;

/// <summary>
/// The engine's history events in GetExecutionHistory's shape: <c>timestamp</c>, <c>type</c>, <c>id</c>,
/// <c>previousEventId</c> and the details under AWS's member name (<c>stateEnteredEventDetails</c> for every
/// <c>*StateEntered</c>, <c>stateExitedEventDetails</c> for every <c>*StateExited</c>, else the type in camelCase plus
/// <c>EventDetails</c>), with <c>inputDetails</c>/<c>outputDetails</c> <c>{"truncated": false}</c> beside payloads.
/// </summary>
internal static class HistoryEventShapes
{
    /// <summary>One event in AWS's shape.</summary>
    /// <param name="historyEvent">The engine's event.</param>
    /// <param name="includeExecutionData">Whether to keep inputs and outputs.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject ToJson(HistoryEvent historyEvent, bool includeExecutionData)
    {
        JsonObject json = new()
        {
            ["timestamp"] = historyEvent.Timestamp.ToUnixTimeMilliseconds() / 1000m,
            ["type"] = historyEvent.Type,
            ["id"] = historyEvent.Id,
            ["previousEventId"] = historyEvent.PreviousEventId,
        };
        if (historyEvent.Details is { } details)
        {
            JsonObject copy = (JsonObject)details.DeepClone();
            foreach (string payload in new[] { "input", "output" })
            {
                if (copy.ContainsKey(payload))
                {
                    if (includeExecutionData)
                    {
                        copy[payload + "Details"] = new JsonObject { ["truncated"] = false };
                    }
                    else
                    {
                        copy.Remove(payload);
                    }
                }
            }

            if (!includeExecutionData && copy.Remove("assignedVariables"))
            {
                copy.Remove("assignedVariablesDetails"); // variable values are execution data too
            }

            json[DetailsMember(historyEvent.Type)] = copy;
        }

        return json;
    }

    /// <summary>AWS's member name for an event type's details.</summary>
    /// <param name="type">The event type.</param>
    /// <returns>The member name.</returns>
    public static string DetailsMember(string type) =>
        type.EndsWith("StateEntered", StringComparison.Ordinal) ? "stateEnteredEventDetails"
        : type.EndsWith("StateExited", StringComparison.Ordinal) ? "stateExitedEventDetails"
        : char.ToLowerInvariant(type[0]) + type[1..] + "EventDetails";
}
