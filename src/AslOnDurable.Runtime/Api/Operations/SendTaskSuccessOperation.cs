using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>SendTaskSuccess for a <c>.waitForTaskToken</c> task.</summary>
internal sealed class SendTaskSuccessOperation : SendTaskOperation
{
    /// <inheritdoc />
    public override string Action => "SendTaskSuccess";

    /// <inheritdoc />
    protected override Task SendAsync(TaskCallbacks callbacks, SendTaskRequest request, CancellationToken cancellationToken) =>
        callbacks.SendTaskSuccessAsync(request.TaskToken, request.Output, cancellationToken);
}
