using System.Text;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// A small deterministic generator (SplitMix64) for orchestrations: the same seed gives the same sequence on every
/// replay, on every machine and .NET version (unlike System.Random, which is banned there anyway).
/// </summary>
/// <param name="seed">The seed.</param>
internal sealed class ReplayRandom(ulong seed)
{
    private ulong state = seed;

    /// <summary>Derives a seed from text (FNV-1a 64 over UTF-8): stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    /// <param name="text">The text, for example the instance id.</param>
    /// <returns>The seed.</returns>
    public static ulong SeedFrom(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>The next 64 random bits.</summary>
    /// <returns>The bits.</returns>
    public ulong NextUInt64()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    /// <returns>The value.</returns>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
