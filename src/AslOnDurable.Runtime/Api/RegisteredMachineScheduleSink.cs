using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Scheduling;

namespace AslOnDurable.Runtime.Api;

/// <summary>Starts schedule slots through the Step Functions API with one tick's execution client.</summary>
/// <param name="starts">Starts registered state machines.</param>
/// <param name="client">The task hub's client (bound per invocation in the Functions app).</param>
public sealed class RegisteredMachineScheduleSink(RegisteredMachineStarts starts, IExecutionClient client) : IScheduledStartSink
{
    /// <inheritdoc />
    public Task<bool> StartAsync(ScheduledStart start, CancellationToken cancellationToken) =>
        starts.StartScheduledAsync(client, start, cancellationToken);
}
