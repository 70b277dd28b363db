using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// <c>--alloc-types</c>: samples the runtime's allocation ticks (one event per ~100 KB allocated, with the type of the
/// object that crossed the threshold) and prints the types that took the most, a cheap allocation profile by type.
/// </summary>
/// <remarks>
/// <c>--alloc-count</c> instead counts objects and bytes by type per run, from the runtime's per-object allocation events
/// (keyword GCSampledObjectAllocationHigh), which take effect only when enabled at startup: run with
/// <c>DOTNET_EnableEventPipe=1 DOTNET_EventPipeOutputPath=/tmp/x.nettrace
/// DOTNET_EventPipeConfig=Microsoft-Windows-DotNETRuntime:0x200000:5</c>. The counts are not exact (a few objects of the
/// fast allocation paths are missed: compare types between variants, not with the exact bytes per run) and every
/// allocation takes the slow path, so its timings mean nothing. The sampled ticks of <c>--alloc-types</c> alias with a
/// workload's periodic allocation pattern: a type's share can swing several points between processes.
/// </remarks>
/// <param name="counting">Count objects by type (<c>--alloc-count</c>) instead of sampling bytes.</param>
internal sealed class AllocationSampler(bool counting = false) : EventListener
{
    private readonly ConcurrentDictionary<string, long> bytes = new();
    private readonly ConcurrentDictionary<string, long> counts = new();
    private readonly ConcurrentDictionary<long, string> typeNames = new();

    /// <summary>Prints the <paramref name="top"/> types by sampled bytes and starts counting afresh.</summary>
    /// <param name="title">What was measured.</param>
    /// <param name="top">How many types to print.</param>
    /// <param name="runs">Runs measured (counting prints objects and bytes per run).</param>
    public void Print(string title, int top = 25, int runs = 1)
    {
        if (counting)
        {
            Thread.Sleep(2000); // the runtime's events reach listeners from a session polled in the background: let it catch up
        }

        var total = Math.Max(1, bytes.Values.Sum());
        Console.WriteLine(counting
            ? $"allocations by type ({title}), {total / (double)runs:N0} B per run:"
            : $"sampled allocations by type ({title}), {total / 1048576.0:F0} MiB sampled:");
        foreach (var (type, amount) in bytes.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine(counting
                ? $"  {amount * 100.0 / total,5:F1}%  {amount / (double)runs,10:N0} B  {counts.GetValueOrDefault(type) / (double)runs,8:N1} objects  {type}"
                : $"  {amount * 100.0 / total,5:F1}%  {type}");
        }

        bytes.Clear();
        counts.Clear();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // GC keyword: AllocationTick at Verbose; or GCSampledObjectAllocationHigh: every object counted.
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)(counting ? 0x200000 : 0x1));
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (counting)
        {
            OnObjectsAllocated(eventData);
            return;
        }

        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string : null;
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        bytes.AddOrUpdate(type ?? "?", amount, (_, v) => v + amount);
    }

    // GCSampledObjectAllocation: ObjectCountForTypeSample objects of TotalSizeForTypeSample bytes since the last event of the type.
    private void OnObjectsAllocated(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCSampledObjectAllocation", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var names = eventData.PayloadNames!;
        var typeId = eventData.Payload[names.IndexOf("TypeID")] is nint pointer ? (long)pointer : Convert.ToInt64(eventData.Payload[names.IndexOf("TypeID")], System.Globalization.CultureInfo.InvariantCulture);
        var count = Convert.ToInt64(eventData.Payload[names.IndexOf("ObjectCountForTypeSample")], System.Globalization.CultureInfo.InvariantCulture);
        var size = Convert.ToInt64(eventData.Payload[names.IndexOf("TotalSizeForTypeSample")], System.Globalization.CultureInfo.InvariantCulture);
        var type = typeNames.GetOrAdd(typeId, static id => Type.GetTypeFromHandle(RuntimeTypeHandle.FromIntPtr((nint)id))?.ToString() ?? $"type {id:x}");
        bytes.AddOrUpdate(type, size, (_, v) => v + size);
        counts.AddOrUpdate(type, count, (_, v) => v + count);
    }
}
