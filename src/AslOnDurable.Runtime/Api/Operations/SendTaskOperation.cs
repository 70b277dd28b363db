using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>The task callbacks (SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat) over <see cref="TaskCallbacks"/>, whose errors are AWS's.</summary>
internal abstract class SendTaskOperation : ApiOperation<SendTaskRequest, EmptyResponse>
{
    /// <inheritdoc />
    protected override async Task<EmptyResponse> HandleAsync(SendTaskRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        RequestFields.Required(request.TaskToken, "taskToken", 2048);
        try
        {
            await SendAsync(new TaskCallbacks(client), request, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCallbackException e)
        {
            throw new ApiException(e.ErrorType, e.Message);
        }

        return EmptyResponse.Instance;
    }

    /// <summary>Sends the callback.</summary>
    /// <param name="callbacks">The callbacks.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when delivered.</returns>
    protected abstract Task SendAsync(TaskCallbacks callbacks, SendTaskRequest request, CancellationToken cancellationToken);
}
