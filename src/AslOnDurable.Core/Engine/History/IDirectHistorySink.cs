using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.History;

/// <summary>
/// A sink that takes an event's parts as they are, with no <see cref="HistoryEvent"/> built for it, and copies what it
/// keeps before returning (so the recorder may hand it a payload in a buffer it reuses): the recorder's path for sinks
/// that pack events anyway (<see cref="CompactHistorySink"/>, the API host's history).
/// </summary>
public interface IDirectHistorySink
{
    /// <summary>Records a state entered or exited event (see <see cref="StateEventDetails"/>).</summary>
    /// <param name="id">The event id.</param>
    /// <param name="previousEventId">The id of the event before it in its chain.</param>
    /// <param name="type">The event type.</param>
    /// <param name="timestamp">When it happened.</param>
    /// <param name="name">The state's name.</param>
    /// <param name="payload">The input (entered) or output (exited) as compact UTF-8 JSON; read only during the call.</param>
    /// <param name="exited">Whether the event is a state exited event.</param>
    /// <param name="assignedVariables">The variables the state assigned (name, JSON text in UTF-8; read only during the call), or none.</param>
    void RecordState(long id, long previousEventId, string type, DateTimeOffset timestamp, string name, ReadOnlySpan<byte> payload, bool exited, AssignedVariableTexts assignedVariables);

    /// <summary>Records any other event.</summary>
    /// <param name="id">The event id.</param>
    /// <param name="previousEventId">The id of the event before it in its chain.</param>
    /// <param name="type">The event type.</param>
    /// <param name="timestamp">When it happened.</param>
    /// <param name="details">Its details (owned by the sink), or <see langword="null"/>.</param>
    void Record(long id, long previousEventId, string type, DateTimeOffset timestamp, JsonObject? details);

    /// <summary>
    /// Records an event whose details are <c>{"resource": resource, member: payload as JSON text}</c> (the resource left
    /// out when <see langword="null"/>), as a <see cref="Record"/> of that object would keep them.
    /// </summary>
    /// <param name="id">The event id.</param>
    /// <param name="previousEventId">The id of the event before it in its chain.</param>
    /// <param name="type">The event type.</param>
    /// <param name="timestamp">When it happened.</param>
    /// <param name="resource">The resource member's value, or <see langword="null"/> for none.</param>
    /// <param name="member">The payload member's name.</param>
    /// <param name="payload">The payload as compact UTF-8 JSON; read only during the call.</param>
    void RecordPayload(long id, long previousEventId, string type, DateTimeOffset timestamp, string? resource, string member, ReadOnlySpan<byte> payload);

    /// <summary>
    /// Records a failure event (Task/Lambda/Activity failed or timed out, Map/Parallel state failed, execution failed or
    /// timed out) whose details are <c>{"error": error, "cause": cause}</c> (JSON null for a missing one), as a
    /// <see cref="Record"/> of that object would keep them.
    /// </summary>
    /// <param name="id">The event id.</param>
    /// <param name="previousEventId">The id of the event before it in its chain.</param>
    /// <param name="type">The event type.</param>
    /// <param name="timestamp">When it happened.</param>
    /// <param name="error">The error name, or <see langword="null"/>.</param>
    /// <param name="cause">The cause, or <see langword="null"/>.</param>
    void RecordFailure(long id, long previousEventId, string type, DateTimeOffset timestamp, string? error, string? cause) =>
        Record(id, previousEventId, type, timestamp, new JsonObject { ["error"] = error, ["cause"] = cause });

    /// <summary>
    /// Records a Map iteration event (started, succeeded, failed) whose details are <c>{"index": index, "name": name}</c>,
    /// as a <see cref="Record"/> of that object would keep them.
    /// </summary>
    /// <param name="id">The event id.</param>
    /// <param name="previousEventId">The id of the event before it in its chain.</param>
    /// <param name="type">The event type.</param>
    /// <param name="timestamp">When it happened.</param>
    /// <param name="index">The iteration's index.</param>
    /// <param name="name">The Map state's name.</param>
    void RecordIteration(long id, long previousEventId, string type, DateTimeOffset timestamp, int index, string name) =>
        Record(id, previousEventId, type, timestamp, new JsonObject { ["index"] = index, ["name"] = name });
}
