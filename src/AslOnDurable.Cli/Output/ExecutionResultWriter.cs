using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Json;
using AslOnDurable.Core.Engine.History;

namespace AslOnDurable.Cli.Output;

/// <summary>Prints an execution's outcome: the json contract of the conformance runner, or a readable trace.</summary>
internal static class ExecutionResultWriter
{
    // Terminal output, not HTML: quotes, apostrophes and non-ASCII text print as they are (as the AWS CLI shows them).
    internal static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = JsonLimits.MaxDepth };
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = JsonLimits.MaxDepth };

    /// <summary>
    /// Exactly one JSON object on one line: <c>{"status":"SUCCEEDED","output":…}</c> or
    /// <c>{"status":"FAILED","error":…,"cause":…}</c> (nulls when the execution reports none).
    /// </summary>
    public static void WriteJson(ExecutionResult result, TextWriter writer)
    {
        writer.WriteLine(ToJson(result).ToJsonString(Compact));
    }

    /// <summary>The json contract object.</summary>
    public static JsonObject ToJson(ExecutionResult result)
    {
        var obj = new JsonObject { ["status"] = result.StatusName };
        if (result.Status == ExecutionStatus.Succeeded)
        {
            obj["output"] = result.Output?.DeepClone();
        }
        else
        {
            obj["error"] = string.IsNullOrEmpty(result.Error?.Error) ? null : result.Error.Error;
            obj["cause"] = result.Error?.Cause;
        }

        return obj;
    }

    /// <summary>Each state entered and exited, then the result.</summary>
    /// <param name="result">The outcome.</param>
    /// <param name="events">The history events kept.</param>
    /// <param name="writer">Where to print.</param>
    /// <param name="dropped">How many later events were not kept (the history view is bounded).</param>
    public static void WriteHuman(ExecutionResult result, IReadOnlyList<HistoryEvent> events, TextWriter writer, long dropped = 0)
    {
        foreach (var e in events)
        {
            var name = e.Details?["name"]?.GetValue<string>();
            if (e.Type.EndsWith("StateEntered", StringComparison.Ordinal))
            {
                writer.WriteLine($"#{e.Id,-4} {e.Type,-24} {name}");
            }
            else if (e.Type.EndsWith("StateExited", StringComparison.Ordinal))
            {
                writer.WriteLine($"#{e.Id,-4} {e.Type,-24} {name} -> {e.Details?["output"]?.GetValue<string>() ?? "null"}");
            }
            else if (e.Details?["error"] is { } error)
            {
                writer.WriteLine($"#{e.Id,-4} {e.Type,-24} {error} {e.Details["cause"]}");
            }
            else
            {
                writer.WriteLine($"#{e.Id,-4} {e.Type}");
            }
        }

        if (dropped > 0)
        {
            writer.WriteLine($"… {dropped} more events not shown (the history view stops at {events.Count} events).");
        }

        writer.WriteLine();
        writer.WriteLine(result.StatusName);
        if (result.Status == ExecutionStatus.Succeeded)
        {
            writer.WriteLine(result.Output?.ToJsonString(Indented) ?? "null");
        }
        else
        {
            writer.WriteLine($"error: {result.Error?.Error}");
            writer.WriteLine($"cause: {result.Error?.Cause}");
        }
    }
}
