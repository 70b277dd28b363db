using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// <c>--jit-methods</c>: lists the methods the JIT compiled during a definition's measured runs (from the runtime's
/// <c>MethodJittingStarted</c> events; a method compiled at tier 0 and again at tier 1 counts twice), grouped by type,
/// to see which code the short runs of the bench contract still compile. The listener itself costs some time: use it
/// to find methods, not for figures.
/// </summary>
internal sealed class JitSampler : EventListener
{
    private readonly ConcurrentDictionary<string, int> methods = new();
    private volatile bool counting;

    /// <summary>Gets the sampler of this process, when <c>--jit-methods</c> asked for one.</summary>
    public static JitSampler? Current { get; set; }

    /// <summary>Starts counting afresh (call before the measured runs).</summary>
    public void Start()
    {
        methods.Clear();
        counting = true;
    }

    /// <summary>Stops counting and prints the <paramref name="top"/> types by compiled methods.</summary>
    public void Print(string title, int top = 30)
    {
        counting = false;
        var byType = methods.GroupBy(p => p.Key[..p.Key.LastIndexOf("::", StringComparison.Ordinal)])
            .Select(g => (Type: g.Key, Count: g.Sum(p => p.Value), Names: string.Join(", ", g.OrderByDescending(p => p.Value).Take(4).Select(p => p.Key[(p.Key.LastIndexOf("::", StringComparison.Ordinal) + 2)..]))))
            .OrderByDescending(t => t.Count).Take(top);
        Console.WriteLine($"methods JIT-compiled during the measured runs ({title}): {methods.Values.Sum()}");
        foreach (var (type, count, names) in byType)
        {
            Console.WriteLine($"  {count,5}  {type}: {names}");
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x10); // JIT keyword: MethodJittingStarted at Verbose
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!counting || eventData.EventName?.StartsWith("MethodJittingStarted", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var names = eventData.PayloadNames!;
        var ns = names.IndexOf("MethodNamespace") is var n and >= 0 ? eventData.Payload[n] as string : null;
        var name = names.IndexOf("MethodName") is var m and >= 0 ? eventData.Payload[m] as string : null;
        methods.AddOrUpdate($"{ns ?? "?"}::{name ?? "?"}", 1, (_, v) => v + 1);
    }
}
