using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// <c>--alloc-types</c>: samples the runtime's allocation ticks (one event per ~100 KB allocated, with the type of the
/// object that crossed the threshold) and prints the types that took the most, a cheap allocation profile by type.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> bytes = new();

    /// <summary>Prints the <paramref name="top"/> types by sampled bytes and starts counting afresh.</summary>
    public void Print(string title, int top = 25)
    {
        var total = Math.Max(1, bytes.Values.Sum());
        Console.WriteLine($"sampled allocations by type ({title}), {total / 1048576.0:F0} MiB sampled:");
        foreach (var (type, amount) in bytes.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine($"  {amount * 100.0 / total,5:F1}%  {type}");
        }

        bytes.Clear();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick at Verbose
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string : null;
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        bytes.AddOrUpdate(type ?? "?", amount, (_, v) => v + amount);
    }
}
