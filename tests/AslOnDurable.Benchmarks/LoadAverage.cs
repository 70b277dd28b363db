namespace AslOnDurable.Benchmarks;

/// <summary>Reads the 1-minute load average (Linux), so a report says how busy the machine was.</summary>
internal static class LoadAverage
{
    public static string Read() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
