using System.Diagnostics;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// <c>--startup</c>: how long a user waits for <c>asl run</c>, as whole processes (the <c>dotnet</c> host, runtime start,
/// JIT, the run, shutdown): the durable default and <c>--express</c> alternate on one small definition, and the medians
/// are compared. Pass the CLI's built <c>asl.dll</c> (Release) and a definition; the input file is optional.
/// </summary>
/// <param name="aslDll">The CLI assembly to start with <c>dotnet</c>.</param>
/// <param name="definition">The definition file.</param>
/// <param name="input">The input file, or null for <c>{}</c>.</param>
/// <param name="runs">Measured runs per variant (after one unmeasured run of each).</param>
internal sealed class StartupBenchmark(string aslDll, string definition, string? input, int runs)
{
    public int Run()
    {
        var durable = new List<double>();
        var express = new List<double>();
        if (Once(false) is null || Once(true) is null)
        {
            return 1;
        }

        for (var i = 0; i < runs; i++)
        {
            // Alternating, so a burst of load on the shared machine hits both variants alike.
            durable.Add(Once(false) ?? double.NaN);
            express.Add(Once(true) ?? double.NaN);
        }

        var d = Median(durable);
        var e = Median(express);
        Console.WriteLine($"asl run {Path.GetFileName(definition)}, {runs} runs each, whole process wall time:");
        Console.WriteLine($"  durable (default)  median {d,7:F0} ms  ({durable.Min():F0}-{durable.Max():F0})");
        Console.WriteLine($"  --express          median {e,7:F0} ms  ({express.Min():F0}-{express.Max():F0})");
        Console.WriteLine($"  durable / express  {d / e:F2}x   load average {LoadAverage.Read()}");
        return 0;
    }

    private double? Once(bool isExpress)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { aslDll, "run", definition })
        {
            start.ArgumentList.Add(argument);
        }

        if (input is not null)
        {
            start.ArgumentList.Add("--input");
            start.ArgumentList.Add("@" + input);
        }

        if (isExpress)
        {
            start.ArgumentList.Add("--express");
        }

        var timer = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var elapsed = timer.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0 || !output.Result.Contains("SUCCEEDED", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"asl run failed (exit {process.ExitCode}): {output.Result}{error.Result}");
            return null;
        }

        return elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
