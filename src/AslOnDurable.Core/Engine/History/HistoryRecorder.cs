using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.History;

/// <summary>Numbers events as AWS does and forwards them to the sink; with no sink it only counts.</summary>
/// <param name="sink">The sink, or <see langword="null"/> to record nothing.</param>
/// <param name="host">The host whose clock stamps events.</param>
internal sealed class HistoryRecorder(IHistorySink? sink, IExecutionHost host)
{
    private long lastId;

    /// <summary>The id of the last event recorded (0 before the first).</summary>
    public long LastId => Interlocked.Read(ref lastId);

    /// <summary>Continues numbering after <paramref name="id"/> (a run resumed from a checkpoint).</summary>
    public void ContinueFrom(long id) => Interlocked.Exchange(ref lastId, id);

    /// <summary>Whether events are kept (callers build details only then).</summary>
    public bool IsEnabled => sink is not null;

    /// <summary>Records an event and returns its id.</summary>
    public long Record(string type, long previousEventId, JsonObject? details = null)
    {
        // Interlocked: with an in-memory host, branches whose tasks complete asynchronously may record concurrently.
        var id = Interlocked.Increment(ref lastId);
        sink?.Record(new HistoryEvent(id, previousEventId, type, host.UtcNow, details));
        return id;
    }

    /// <summary>Details for a StateEntered event; the input is kept as JSON text, as AWS's history reports it.</summary>
    public static JsonObject StateEntered(string name, string inputText) => new() { ["name"] = name, ["input"] = inputText };

    /// <summary>Details for a StateExited event; the output is kept as JSON text.</summary>
    public static JsonObject StateExited(string name, string outputText) => new() { ["name"] = name, ["output"] = outputText };

    /// <summary>
    /// Details for a StateExited event with the variables the state assigned, as AWS reports them: <c>assignedVariables</c>
    /// maps each name to its value as JSON text, beside <c>assignedVariablesDetails</c> (never truncated here). A redrive
    /// rebuilds the top-level variables from them (<see cref="RedriveCheckpoints"/>).
    /// </summary>
    public static JsonObject StateExited(string name, string outputText, Context.AssignedVariable[]? assigned)
    {
        var details = StateExited(name, outputText);
        if (assigned is { Length: > 0 })
        {
            var variables = new JsonObject();
            foreach (var variable in assigned)
            {
                variables[variable.Name] = Text(variable.Value);
            }

            details["assignedVariables"] = variables;
            details["assignedVariablesDetails"] = new JsonObject { ["truncated"] = false };
        }

        return details;
    }

    /// <summary>A payload as JSON text: a snapshot that later mutation of the node cannot change, and compact to keep.</summary>
    public static string Text(JsonNode? payload) => payload?.ToJsonString(JsonLimits.SerializerOptions) ?? "null";

    /// <summary>Details for failure events.</summary>
    public static JsonObject Failure(Errors.AslError error) => new() { ["error"] = error.Error, ["cause"] = error.Cause };
}
