using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>SendTaskHeartbeat for a <c>.waitForTaskToken</c> task.</summary>
internal sealed class SendTaskHeartbeatOperation : SendTaskOperation
{
    /// <inheritdoc />
    public override string Action => "SendTaskHeartbeat";

    /// <inheritdoc />
    protected override Task SendAsync(TaskCallbacks callbacks, SendTaskRequest request, CancellationToken cancellationToken) =>
        callbacks.SendTaskHeartbeatAsync(request.TaskToken, cancellationToken);
}
