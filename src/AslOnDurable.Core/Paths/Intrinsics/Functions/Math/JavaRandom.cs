namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Math;

/// <summary>
/// The linear congruential generator of <c>java.util.Random</c>, bit for bit, so a seeded
/// <c>States.MathRandom</c> gives the same numbers as on AWS (which runs on Java). One instance per call; not shared.
/// </summary>
internal sealed class JavaRandom
{
    private const long Multiplier = 0x5DEECE66DL;
    private const long Addend = 0xBL;
    private const long Mask = (1L << 48) - 1;

    private long seed;

    /// <summary>Seeds the generator like <c>new java.util.Random(seed)</c>.</summary>
    /// <param name="seed">The seed.</param>
    public JavaRandom(long seed)
    {
        this.seed = (seed ^ Multiplier) & Mask;
    }

    /// <summary><c>nextInt(bound)</c>: a uniform integer in [0, bound).</summary>
    /// <param name="bound">The exclusive upper bound (positive).</param>
    /// <returns>The value.</returns>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var r = Next(31);
        var m = bound - 1;
        if ((bound & m) == 0)
        {
            return (int)((bound * (long)r) >> 31);
        }

        for (var u = r; u - (r = u % bound) + m < 0; u = Next(31))
        {
        }

        return r;
    }

    /// <summary><c>nextDouble()</c>: a uniform double in [0, 1).</summary>
    /// <returns>The value.</returns>
    public double NextDouble() => (((long)Next(26) << 27) + Next(27)) * (1.0 / (1L << 53));

    private int Next(int bits)
    {
        seed = unchecked((seed * Multiplier) + Addend) & Mask;
        return (int)((ulong)seed >> (48 - bits));
    }
}
