namespace AslOnDurable.Benchmarks;

/// <summary>One definition's figures, as the bench contract asks for them.</summary>
internal sealed record BenchmarkResult(
    string Name,
    long Transitions,
    double MedianMs,
    double MinMs,
    double MaxMs,
    double TransitionsPerSecond,
    double AllocatedBytesPerTransition,
    string Status);
