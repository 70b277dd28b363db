using System.Globalization;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// What a measured run's resident set is made of, sampled with the benchmark's working-set sampler: the GC's committed
/// memory, the process's anonymous (heaps, stacks, JIT code) and file-backed (mapped assemblies) resident pages from
/// <c>/proc/self/status</c>, the shared memory the runtime maps JIT code through (W^X), and its threads (each thread's touched stack is resident). Peaks of each over the run.
/// </summary>
internal sealed class MemoryDetail
{
    public long GcCommitted { get; private set; }

    public long RssAnon { get; private set; }

    public long RssFile { get; private set; }

    public long RssShmem { get; private set; }

    public int Threads { get; private set; }

    public int PoolThreads { get; private set; }

    /// <summary>Gets the resident set and the GC's committed memory when the run started (after the full GC before it).</summary>
    public (long Rss, long GcCommitted) Start { get; } = (Status("VmRSS:") ?? 0, GC.GetGCMemoryInfo().TotalCommittedBytes);

    /// <summary>Reads one <c>/proc/self/status</c> field in bytes (threads: a count), or <c>null</c> where it is missing.</summary>
    public static long? Status(string field) =>
        File.Exists("/proc/self/status") && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) is { } line
            ? Kib(line) * (field == "Threads:" ? 1 : 1024)
            : null;

    /// <summary>Takes one sample and keeps the peaks.</summary>
    public void Sample()
    {
        GcCommitted = Math.Max(GcCommitted, GC.GetGCMemoryInfo().TotalCommittedBytes);
        PoolThreads = Math.Max(PoolThreads, ThreadPool.ThreadCount);
        if (!File.Exists("/proc/self/status"))
        {
            return;
        }

        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                RssAnon = Math.Max(RssAnon, Kib(line) * 1024);
            }
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
            {
                RssFile = Math.Max(RssFile, Kib(line) * 1024);
            }
            else if (line.StartsWith("RssShmem:", StringComparison.Ordinal))
            {
                RssShmem = Math.Max(RssShmem, Kib(line) * 1024);
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                Threads = Math.Max(Threads, (int)Kib(line));
            }
        }
    }

    public override string ToString() =>
        $"start: RSS {Start.Rss / 1048576.0:F0} MiB, GC committed {Start.GcCommitted / 1048576.0:F0} MiB; peaks: GC committed {GcCommitted / 1048576.0:F0} MiB, RssAnon {RssAnon / 1048576.0:F0} MiB, RssFile {RssFile / 1048576.0:F0} MiB, RssShmem (JIT code, W^X) {RssShmem / 1048576.0:F0} MiB, " +
        $"threads {Threads} (thread pool {PoolThreads}), GC count gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}";

    private static long Kib(string line) => long.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
