using System.Text;
using System.Text.Json;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Executions;

/// <summary>
/// SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat for <c>.waitForTaskToken</c> tasks of durable executions:
/// checks the request as AWS does, finds the execution the token names (<see cref="TaskToken"/>) and raises the
/// token's external event (<see cref="TaskCallbackEvent"/>) on it. Transport-agnostic: the HTTP API calls it.
/// </summary>
/// <remarks>
/// <para>
/// Errors (<see cref="TaskCallbackException.ErrorType"/>), as the Step Functions API reference names them:
/// <c>InvalidToken</c> (not a token this runtime issued), <c>InvalidOutput</c> (SendTaskSuccess output that is not
/// JSON), <c>TaskDoesNotExist</c> (no such execution), <c>TaskTimedOut</c> ("the task token has either expired or the
/// task associated with the token has already been closed": the execution has ended), and <c>ValidationException</c>
/// for AWS's length constraints (output 262,144 UTF-8 bytes, error 256 and cause 32,768 characters).
/// </para>
/// <para>
/// Not detected: a callback for a task that has closed while its execution still runs (answered already, or timed out
/// and caught) is accepted and then ignored by the execution, where AWS answers <c>TaskTimedOut</c>.
/// </para>
/// </remarks>
/// <param name="client">The client of the task hub the executions run on.</param>
public sealed class TaskCallbacks(IExecutionClient client)
{
    /// <summary>AWS's limit on SendTaskSuccess output, in UTF-8 bytes.</summary>
    public const int MaxOutputBytes = 262_144;

    /// <summary>AWS's limit on a SendTaskFailure error name, in characters.</summary>
    public const int MaxErrorLength = 256;

    /// <summary>AWS's limit on a SendTaskFailure cause, in characters.</summary>
    public const int MaxCauseLength = 32_768;

    /// <summary>The task succeeded: its result is <paramref name="output"/>.</summary>
    /// <param name="taskToken">The task's token (<c>$$.Task.Token</c>).</param>
    /// <param name="output">The result as JSON text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the callback is delivered.</returns>
    /// <exception cref="TaskCallbackException">The request was refused.</exception>
    public Task SendTaskSuccessAsync(string? taskToken, string? output, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            throw new TaskCallbackException("InvalidOutput", "The output is required.");
        }

        if (Encoding.UTF8.GetByteCount(output) > MaxOutputBytes)
        {
            throw TooLong("output", MaxOutputBytes);
        }

        try
        {
            using JsonDocument _ = JsonDocument.Parse(output, new JsonDocumentOptions { MaxDepth = 512 });
        }
        catch (JsonException e)
        {
            throw new TaskCallbackException("InvalidOutput", "Invalid Output: '" + e.Message + "'");
        }

        return SendAsync(taskToken, new TaskCallbackEvent(PayloadVersion.Current, TaskCallbackKinds.Success) { Output = output }, cancellationToken);
    }

    /// <summary>The task failed with <paramref name="error"/> and <paramref name="cause"/> (Retry and Catch apply).</summary>
    /// <param name="taskToken">The task's token.</param>
    /// <param name="error">The error name, or <c>null</c>.</param>
    /// <param name="cause">The cause, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the callback is delivered.</returns>
    /// <exception cref="TaskCallbackException">The request was refused.</exception>
    public Task SendTaskFailureAsync(string? taskToken, string? error, string? cause, CancellationToken cancellationToken)
    {
        if (error?.Length > MaxErrorLength)
        {
            throw TooLong("error", MaxErrorLength);
        }

        if (cause?.Length > MaxCauseLength)
        {
            throw TooLong("cause", MaxCauseLength);
        }

        return SendAsync(taskToken, new TaskCallbackEvent(PayloadVersion.Current, TaskCallbackKinds.Failure) { Error = error, Cause = cause }, cancellationToken);
    }

    /// <summary>The task is still working: its heartbeat clock (<c>HeartbeatSeconds</c>) starts again.</summary>
    /// <param name="taskToken">The task's token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the callback is delivered.</returns>
    /// <exception cref="TaskCallbackException">The request was refused.</exception>
    public Task SendTaskHeartbeatAsync(string? taskToken, CancellationToken cancellationToken) =>
        SendAsync(taskToken, new TaskCallbackEvent(PayloadVersion.Current, TaskCallbackKinds.Heartbeat), cancellationToken);

    /// <summary>
    /// A worker took an activity task (GetActivityTask): the execution records <c>ActivityStarted</c> and the task's
    /// heartbeat clock starts.
    /// </summary>
    /// <param name="taskToken">The task's token.</param>
    /// <param name="workerName">The worker's name, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when delivered.</returns>
    /// <exception cref="TaskCallbackException">The execution has closed or does not exist.</exception>
    public Task SendTaskStartedAsync(string taskToken, string? workerName, CancellationToken cancellationToken) =>
        SendAsync(taskToken, new TaskCallbackEvent(PayloadVersion.Current, TaskCallbackKinds.Started) { WorkerName = workerName }, cancellationToken);

    private async Task SendAsync(string? taskToken, TaskCallbackEvent callback, CancellationToken cancellationToken)
    {
        if (!TaskToken.TryParse(taskToken, out string instanceId, out Guid id))
        {
            throw new TaskCallbackException("InvalidToken", "Invalid Token: 'Invalid token'");
        }

        ExecutionSnapshot? snapshot = await client.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            throw new TaskCallbackException("TaskDoesNotExist", "Task does not exist: the execution it belongs to was not found.");
        }

        if (snapshot.IsTerminal)
        {
            throw new TaskCallbackException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        }

        await client.RaiseEventAsync(instanceId, TaskToken.EventName(id), DurableJson.Serialize(callback), cancellationToken).ConfigureAwait(false);
    }

    private static TaskCallbackException TooLong(string field, int max) =>
        new("ValidationException", $"1 validation error detected: Value at '{field}' failed to satisfy constraint: Member must have length less than or equal to {max}");
}
