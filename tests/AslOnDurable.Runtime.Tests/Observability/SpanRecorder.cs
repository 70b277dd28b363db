using System.Collections.Concurrent;
using System.Diagnostics;

namespace AslOnDurable.Runtime.Tests.Observability;

/// <summary>Collects the stopped spans of one activity source (each test names its own, so parallel tests stay apart).</summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<Activity> stopped = new();

    public SpanRecorder(string sourceName)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<Activity> Spans => [.. stopped];

    public Activity Single(string name) => Assert.Single(stopped, s => s.DisplayName == name);

    public void Dispose() => listener.Dispose();
}
