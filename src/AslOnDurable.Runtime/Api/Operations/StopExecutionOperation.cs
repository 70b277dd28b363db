using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.MapRuns;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Observability;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// StopExecution: terminates the durable instance (and the children it waits for); the execution is ABORTED with the
/// given error and cause (its history ends with ExecutionAborted, which is also logged as its
/// <c>loggingConfiguration</c> says: at ALL, ERROR and FATAL). Its running map runs are aborted with it, and their
/// running STANDARD children (its history shows MapRunAborted). Stopping a closed execution changes nothing and answers
/// when it closed. Once the terminate is sent the execution index keeps it ABORTED at the stop date answered (AWS's
/// DescribeExecution shows it stopped at once), so ListExecutions needs no backend call to know it; DescribeExecution
/// answers the same while the backend has not processed the terminate, and corrects the index if the instance had
/// completed first.
/// </summary>
/// <param name="api">The shared resources.</param>
/// <param name="telemetry">Ends the execution's trace, counts it aborted and logs its ExecutionAborted record.</param>
/// <param name="mapRuns">Aborts the execution's map runs.</param>
internal sealed class StopExecutionOperation(ApiResources api, ExecutionTelemetry telemetry, MapRunDirectory mapRuns) : ApiOperation<StopExecutionRequest, StopExecutionResponse>
{
    /// <summary>How often the record is read again when another writer changed it first (then it is replaced as it stands).</summary>
    private const int MaxAttempts = 10;

    /// <inheritdoc />
    public override string Action => "StopExecution";

    /// <inheritdoc />
    protected override async Task<StopExecutionResponse> HandleAsync(StopExecutionRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string? error = RequestFields.Length(request.Error, "error", TaskCallbacks.MaxErrorLength);
        string? cause = RequestFields.Length(request.Cause, "cause", TaskCallbacks.MaxCauseLength);
        ExecutionRecord execution = await api.ExecutionAsync(request.ExecutionArn, client, cancellationToken).ConfigureAwait(false);
        if (execution.StateMachine.Type == ApiResources.Express)
        {
            throw new ApiException(ApiErrorTypes.ValidationException, "This operation is not supported by EXPRESS state machines.");
        }

        // The stop's error and cause go into the record as it was read (compare-and-swap): a redrive recorded meanwhile
        // (another host's) is not overwritten; the record is read and the execution checked again instead.
        for (int attempt = 1; ; attempt++)
        {
            ExecutionOutcome outcome = await ExecutionOutcomes.OfAsync(execution, client, cancellationToken, api.History).ConfigureAwait(false);
            if (outcome.StopDate is { } closed)
            {
                return new StopExecutionResponse(closed);
            }

            ExecutionRecord stopping = execution with { StopError = error, StopCause = cause };
            if (attempt == MaxAttempts)
            {
                await api.Executions.ReplaceAsync(stopping, cancellationToken).ConfigureAwait(false);
                break;
            }

            if (await api.Executions.ReplaceAsync(execution, stopping, cancellationToken).ConfigureAwait(false))
            {
                break;
            }

            execution = await api.ExecutionAsync(request.ExecutionArn, client, cancellationToken).ConfigureAwait(false);
        }

        DateTimeOffset now = api.Now;
        await client.TerminateAsync(execution.InstanceId, cause, cancellationToken).ConfigureAwait(false);
        if (await api.Executions.GetAsync(execution.ExecutionArn, cancellationToken).ConfigureAwait(false) is { } stopped
            && stopped.KnownClosed() is null && stopped.RedriveCount == execution.RedriveCount)
        {
            await api.Executions.RecordClosedAsync(stopped, new ExecutionOutcome("ABORTED", now), cancellationToken).ConfigureAwait(false);
        }

        await mapRuns.AbortAsync(execution, client, cancellationToken).ConfigureAwait(false);
        telemetry.Stopped(execution.InstanceId, execution.StateMachine.Name, error is null && cause is null ? null : new AslError(error ?? "States.Aborted", cause), now);
        // The engine records nothing after a terminate: the ExecutionAborted record AWS logs is written here.
        IReadOnlyList<HistoryEvent> recorded = await api.History.EventsAsync(execution.InstanceId, cancellationToken).ConfigureAwait(false);
        telemetry.LogEvent(
            new ExecutionLabels(execution.InstanceId, execution.ExecutionArn, execution.StateMachine.Name, null)
            {
                LogLevel = execution.StateMachine.Logging.Level,
                LogExecutionData = execution.StateMachine.Logging.IncludeExecutionData == true,
            },
            ClosingEvents.Aborted(recorded, error, cause, now));
        return new StopExecutionResponse(now);
    }
}
