using CsCheck;

namespace AslOnDurable.Fuzzing;

/// <summary>
/// Runs a property over generated cases (CsCheck). In <c>dotnet test</c> (CI) each property checks a fixed set of
/// cases: case <c>i</c> comes from the seed <c>(stream 14, i)</c>, so every run checks the same ones and a failure names
/// the seed that replays it. <c>ASL_FUZZ_ITERATIONS=N</c> checks N random cases per property instead (CsCheck shrinks a
/// failure to a small case and prints its seed); <c>CsCheck_Seed=&lt;seed&gt;</c> replays one seed.
/// </summary>
internal static class Fuzz
{
    /// <summary>The environment variable of the long mode: random cases per property.</summary>
    public const string IterationsVariable = "ASL_FUZZ_ITERATIONS";

    private const uint Stream = 14;

    /// <summary>Checks <paramref name="property"/> (it throws when the property does not hold) over generated cases.</summary>
    /// <param name="gen">The case generator.</param>
    /// <param name="property">The property: throws on a counterexample.</param>
    /// <param name="cases">How many fixed cases <c>dotnet test</c> checks.</param>
    /// <param name="print">How a failing case is shown.</param>
    public static void Check<T>(Gen<T> gen, Action<T> property, int cases, Func<T, string>? print = null)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CsCheck_Seed")))
        {
            gen.Sample(property, iter: 1, threads: 1, print: print);
            return;
        }

        if (long.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), out var iterations) && iterations > 0)
        {
            gen.Sample(property, iter: iterations, print: print);
            return;
        }

        for (var i = 0; i < cases; i++)
        {
            var seed = new PCG(Stream, ((ulong)i * 0x9E3779B97F4A7C15UL) + 1).ToString();
            gen.Sample(property, seed: seed, iter: 1, threads: 1, print: print);
        }
    }
}
