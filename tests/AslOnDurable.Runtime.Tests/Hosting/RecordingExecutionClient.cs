using System.Collections.Concurrent;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>Passes every call to another client and records the status each completion wait returned.</summary>
internal sealed class RecordingExecutionClient(IExecutionClient inner) : IExecutionClient
{
    private readonly ConcurrentQueue<ExecutionRuntimeStatus> waits = new();

    /// <summary>The status every <see cref="WaitForCompletionAsync"/> call returned, in order.</summary>
    public IReadOnlyList<ExecutionRuntimeStatus> Waits => [.. waits];

    public Task StartAsync(string orchestratorName, string instanceId, string? inputJson, CancellationToken cancellationToken) =>
        inner.StartAsync(orchestratorName, instanceId, inputJson, cancellationToken);

    public Task<ExecutionSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken) => inner.GetAsync(instanceId, cancellationToken);

    public async Task<ExecutionSnapshot> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken)
    {
        ExecutionSnapshot snapshot = await inner.WaitForCompletionAsync(instanceId, cancellationToken);
        waits.Enqueue(snapshot.Status);
        return snapshot;
    }

    public Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken) =>
        inner.TerminateAsync(instanceId, reason, cancellationToken);

    public Task RaiseEventAsync(string instanceId, string eventName, string? payloadJson, CancellationToken cancellationToken) =>
        inner.RaiseEventAsync(instanceId, eventName, payloadJson, cancellationToken);
}
