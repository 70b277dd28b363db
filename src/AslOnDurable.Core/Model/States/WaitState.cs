using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Model.States;

/// <summary>A <c>Wait</c> state: waits for a number of seconds or until a timestamp.</summary>
public sealed record WaitState : StateDefinition
{
    /// <summary><c>Seconds</c>: a number, or a JSONata expression string.</summary>
    public JsonNode? Seconds { get; init; }

    /// <summary><c>SecondsPath</c>.</summary>
    public string? SecondsPath { get; init; }

    /// <summary><c>Timestamp</c>: an RFC 3339 string, or a JSONata expression string.</summary>
    public JsonNode? Timestamp { get; init; }

    /// <summary><c>TimestampPath</c>.</summary>
    public string? TimestampPath { get; init; }

    /// <inheritdoc/>
    public override string Type => "Wait";
}
