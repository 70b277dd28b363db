namespace AslOnDurable.Core.Model.Map;

/// <summary>A Map state's <c>ProcessorConfig</c>.</summary>
public sealed record ProcessorConfig
{
    /// <summary><c>INLINE</c> (default) or <c>DISTRIBUTED</c>.</summary>
    public MapMode Mode { get; init; } = MapMode.Inline;

    /// <summary><c>STANDARD</c> or <c>EXPRESS</c> child executions (distributed mode only).</summary>
    public string? ExecutionType { get; init; }
}
