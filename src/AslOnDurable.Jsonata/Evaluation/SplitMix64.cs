namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>A small deterministic generator used when no randomness source is injected.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    /// <summary>The next value, uniform in [0, 1).</summary>
    public double NextDouble()
    {
        var z = unchecked(state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
