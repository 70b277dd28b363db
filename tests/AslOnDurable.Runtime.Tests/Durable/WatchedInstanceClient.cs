using System.Threading.Channels;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>The task hub's view of running instances whose custom status the test sets; records every look.</summary>
internal sealed class WatchedInstanceClient : IExecutionClient
{
    /// <summary>The custom status of a decided execution, as the backend stores it (JSON text).</summary>
    public static readonly string Finished = "\"" + StateMachineOrchestrator.FinishedStatus + "\"";

    /// <summary>Gets the instance id of every look, in order.</summary>
    public Channel<string> Looked { get; } = Channel.CreateUnbounded<string>();

    private string? custom;

    /// <summary>Gets or sets the custom status (JSON text) every instance reports, or <c>null</c>.</summary>
    public string? Custom
    {
        get => Volatile.Read(ref custom);
        set => Volatile.Write(ref custom, value);
    }

    public Task<ExecutionSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        Looked.Writer.TryWrite(instanceId);
        return Task.FromResult<ExecutionSnapshot?>(new ExecutionSnapshot(
            instanceId, OrchestratorNames.StateMachine, ExecutionRuntimeStatus.Running, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)
        {
            CustomStatusJson = SerializedPayload.Unwrap(Custom),
        });
    }

    public Task StartAsync(string orchestratorName, string instanceId, string? inputJson, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ExecutionSnapshot> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RaiseEventAsync(string instanceId, string eventName, string? payloadJson, CancellationToken cancellationToken) => throw new NotSupportedException();
}
