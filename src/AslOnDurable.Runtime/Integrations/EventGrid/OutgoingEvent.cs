using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations.EventGrid;

/// <summary>One event to publish, independent of the topic's schema.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Source">Where it comes from (CloudEvents <c>source</c>).</param>
/// <param name="Type">Its type (CloudEvents <c>type</c>, Event Grid <c>eventType</c>).</param>
/// <param name="Subject">Its subject, or <see langword="null"/> (the Event Grid schema then uses the source).</param>
/// <param name="Time">When it happened.</param>
/// <param name="Data">Its JSON data.</param>
public sealed record OutgoingEvent(string Id, string Source, string Type, string? Subject, DateTimeOffset Time, JsonNode Data);
