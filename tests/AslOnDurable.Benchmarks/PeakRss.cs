using System.Globalization;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// The process's peak resident set (Linux <c>VmHWM</c>): exact, unlike a sampled working set. <see cref="Reset"/>
/// restarts the peak from the current resident set (writing 5 to <c>/proc/self/clear_refs</c>), so a measured run's
/// peak does not include what an earlier run in the same process touched and gave back.
/// </summary>
internal static class PeakRss
{
    /// <summary>Restarts the peak from the current resident set; does nothing where the kernel does not offer it.</summary>
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then covers the whole process lifetime.
        }
    }

    /// <summary>Reads the peak resident set in bytes, or <c>null</c> where <c>/proc/self/status</c> is missing.</summary>
    public static long? Read()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return null;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
