using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>SendTaskFailure for a <c>.waitForTaskToken</c> task.</summary>
internal sealed class SendTaskFailureOperation : SendTaskOperation
{
    /// <inheritdoc />
    public override string Action => "SendTaskFailure";

    /// <inheritdoc />
    protected override Task SendAsync(TaskCallbacks callbacks, SendTaskRequest request, CancellationToken cancellationToken) =>
        callbacks.SendTaskFailureAsync(request.TaskToken, request.Error, request.Cause, cancellationToken);
}
