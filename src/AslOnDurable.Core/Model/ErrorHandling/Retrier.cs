using System.Collections.Immutable;

namespace AslOnDurable.Core.Model.ErrorHandling;

/// <summary>One <c>Retry</c> rule.</summary>
public sealed record Retrier
{
    /// <summary>The error names this retrier matches (<c>States.ALL</c> alone or last).</summary>
    public required ImmutableArray<string> ErrorEquals { get; init; }

    /// <summary>Seconds before the first retry (default 1).</summary>
    public int IntervalSeconds { get; init; } = 1;

    /// <summary>Maximum retries (default 3; 0 never retries).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The multiplier applied to the interval after each attempt (default 2.0).</summary>
    public double BackoffRate { get; init; } = 2.0;

    /// <summary>An upper bound on the interval, or <see langword="null"/>.</summary>
    public int? MaxDelaySeconds { get; init; }

    /// <summary><c>FULL</c> or <c>NONE</c> (default).</summary>
    public JitterStrategy JitterStrategy { get; init; } = JitterStrategy.None;

    /// <summary>The optional comment.</summary>
    public string? Comment { get; init; }
}
