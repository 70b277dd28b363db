using System.Collections.Immutable;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Model.ErrorHandling;

namespace AslOnDurable.Core.Model.States;

/// <summary>A <c>Task</c> state: calls the resource its <c>Resource</c> names.</summary>
public sealed record TaskState : StateDefinition
{
    /// <summary>The resource ARN or URI (for example <c>arn:aws:states:::lambda:invoke</c>).</summary>
    public required string Resource { get; init; }

    /// <summary>The JSONPath <c>Parameters</c> template, or <see langword="null"/>.</summary>
    public JsonNode? Parameters { get; init; }

    /// <summary>The JSONata <c>Arguments</c> template, or <see langword="null"/>.</summary>
    public JsonNode? Arguments { get; init; }

    /// <summary>The <c>ResultSelector</c> template, or <see langword="null"/>.</summary>
    public JsonNode? ResultSelector { get; init; }

    /// <summary><c>ResultPath</c>; <c>"$"</c> when absent, <see langword="null"/> when explicitly null.</summary>
    public string? ResultPath { get; init; } = "$";

    /// <summary>The retriers in order.</summary>
    public ImmutableArray<Retrier> Retry { get; init; } = [];

    /// <summary>The catchers in order.</summary>
    public ImmutableArray<Catcher> Catch { get; init; } = [];

    /// <summary><c>TimeoutSeconds</c>: a number, or a JSONata expression string; <see langword="null"/> when absent.</summary>
    public JsonNode? TimeoutSeconds { get; init; }

    /// <summary><c>TimeoutSecondsPath</c>, or <see langword="null"/>.</summary>
    public string? TimeoutSecondsPath { get; init; }

    /// <summary><c>HeartbeatSeconds</c>: a number, or a JSONata expression string; <see langword="null"/> when absent.</summary>
    public JsonNode? HeartbeatSeconds { get; init; }

    /// <summary><c>HeartbeatSecondsPath</c>, or <see langword="null"/>.</summary>
    public string? HeartbeatSecondsPath { get; init; }

    /// <summary>The <c>Credentials</c> object (e.g. <c>RoleArn</c> / <c>RoleArn.$</c>), or <see langword="null"/>.</summary>
    public JsonObject? Credentials { get; init; }

    /// <inheritdoc/>
    public override string Type => "Task";
}
