using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.History;

/// <summary>One execution history event, named and numbered as AWS's GetExecutionHistory reports it.</summary>
/// <param name="Id">The event id (1 for ExecutionStarted).</param>
/// <param name="PreviousEventId">The id of the event before it in the same branch (0 when none).</param>
/// <param name="Type">The AWS event type, for example <c>PassStateEntered</c>; see <see cref="HistoryEventTypes"/>.</param>
/// <param name="Timestamp">When it happened, by the host's clock.</param>
/// <param name="Details">The event details (AWS's <c>...EventDetails</c> fields), or <see langword="null"/>.</param>
public sealed record HistoryEvent(long Id, long PreviousEventId, string Type, DateTimeOffset Timestamp, JsonObject? Details);
