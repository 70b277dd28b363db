using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.History;

/// <summary>Numbers events as AWS does and forwards them to the sink; with no sink it only counts.</summary>
/// <param name="sink">The sink, or <see langword="null"/> to record nothing.</param>
/// <param name="host">The host whose clock stamps events.</param>
internal sealed class HistoryRecorder(IHistorySink? sink, IExecutionHost host)
{
    private long lastId;

    /// <summary>Whether events are kept (callers build details only then).</summary>
    public bool IsEnabled => sink is not null;

    /// <summary>Records an event and returns its id.</summary>
    public long Record(string type, long previousEventId, JsonObject? details = null)
    {
        var id = ++lastId;
        sink?.Record(new HistoryEvent(id, previousEventId, type, host.UtcNow, details));
        return id;
    }

    /// <summary>Details for a StateEntered event (input copied).</summary>
    public static JsonObject StateEntered(string name, JsonNode? input) => new() { ["name"] = name, ["input"] = input?.DeepClone() };

    /// <summary>Details for a StateExited event (output copied).</summary>
    public static JsonObject StateExited(string name, JsonNode? output) => new() { ["name"] = name, ["output"] = output?.DeepClone() };

    /// <summary>Details for failure events.</summary>
    public static JsonObject Failure(Errors.AslError error) => new() { ["error"] = error.Error, ["cause"] = error.Cause };
}
