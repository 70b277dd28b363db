using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.MapRuns;

/// <summary>
/// Map runs as the API sees them: a map run is the durable instance named by its ARN (<see cref="MapRunInstanceIds"/>),
/// whose custom status (while it runs) or output (once it ended) is its <see cref="MapRunRecord"/>; the map runs of an
/// execution are the <c>MapRunStarted</c> events in its history; STANDARD children are execution records that name
/// their map run (<see cref="RegisterAsync"/>).
/// </summary>
/// <param name="api">The shared resources.</param>
/// <param name="terminations">Terminates a stopped execution's map-run children and records them ABORTED.</param>
internal sealed class MapRunDirectory(ApiResources api, IChildTerminations terminations)
{
    /// <summary>AWS's longest map run ARN.</summary>
    public const int MaxArnLength = 2000;

    /// <summary>Checks a map run ARN from a request (ValidationException, InvalidArn).</summary>
    /// <param name="arn">The ARN.</param>
    /// <returns>The ARN and the state machine ARN its children run.</returns>
    public (string Arn, string ChildStateMachineArn) Read(string? arn)
    {
        string text = RequestFields.Required(arn, "mapRunArn", MaxArnLength);
        return (text, api.Arns.MapRunStateMachine(text));
    }

    /// <summary>Describes a map run, or fails with InvalidArn / ResourceNotFound.</summary>
    /// <param name="arn">The ARN from the request.</param>
    /// <param name="client">The client of the host's task hub.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The map run as DescribeMapRun shows it.</returns>
    public async Task<DescribeMapRunResponse> DescribeAsync(string? arn, IExecutionClient client, CancellationToken cancellationToken)
    {
        (string text, _) = Read(arn);
        (ExecutionSnapshot? snapshot, _) = await LatestAsync(client, text, cancellationToken).ConfigureAwait(false);
        if (snapshot is null || snapshot.Name != OrchestratorNames.MapRun || snapshot.InputJson is null)
        {
            throw new ApiException(ApiErrorTypes.ResourceNotFound, $"Resource not found: '{text}'");
        }

        return Describe(text, snapshot);
    }

    /// <summary>
    /// The instance of a map run's latest run: its first run's, or that of its last redrive (<c>…:redrive-n</c>, see
    /// <see cref="MapRunInstanceIds.FromArn(string, int)"/>), found by looking for each in turn.
    /// </summary>
    /// <param name="client">The client of the host's task hub.</param>
    /// <param name="arn">The map run's ARN.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The latest run's snapshot (<see langword="null"/> when the map run is unknown) and instance id.</returns>
    public static async Task<(ExecutionSnapshot? Snapshot, string InstanceId)> LatestAsync(IExecutionClient client, string arn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        string instanceId = MapRunInstanceIds.FromArn(arn);
        ExecutionSnapshot? latest = await client.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        for (int redrive = 1; latest is not null; redrive++)
        {
            string next = MapRunInstanceIds.FromArn(arn, redrive);
            if (await client.GetAsync(next, cancellationToken).ConfigureAwait(false) is not { } redriven)
            {
                break;
            }

            (latest, instanceId) = (redriven, next);
        }

        return (latest, instanceId);
    }

    /// <summary>The ARNs of the map runs an execution started, in the order it started them.</summary>
    /// <param name="execution">The execution.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The map run ARNs.</returns>
    public async Task<IReadOnlyList<string>> StartedByAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return [.. (await api.History.EventsAsync(execution.InstanceId, cancellationToken).ConfigureAwait(false))
            .Where(e => e.Type == HistoryEventTypes.MapRunStarted)
            .Select(e => (string?)e.Details?["mapRunArn"])
            .OfType<string>()];
    }

    /// <summary>
    /// Aborts the running map runs of a stopped execution and their running STANDARD children (AWS stops a map run with
    /// the execution that started it; its history then shows MapRunAborted), through <see cref="IChildTerminations"/>:
    /// the children are recorded ABORTED in the execution index, also those of a map run already terminated with the
    /// execution (a recursive terminate: the Functions app), so ListExecutions knows them closed without asking the backend.
    /// </summary>
    /// <param name="execution">The stopped execution.</param>
    /// <param name="client">The client of the host's task hub.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when every termination is requested.</returns>
    /// <remarks>
    /// The execution must have closed first (it is waited for, up to <see cref="ChildTerminations.CloseWait"/>): were a map
    /// run terminated while the execution still ran, the execution could see it fail and go on (MapRunFailed, a Catch)
    /// before its own stop. A map run that ended on its own is left as it is.
    /// </remarks>
    public async Task AbortAsync(ExecutionRecord execution, IExecutionClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        IReadOnlyList<string> started = await StartedByAsync(execution, cancellationToken).ConfigureAwait(false);
        if (started.Count == 0)
        {
            return;
        }

        await ChildTerminations.WaitClosedAsync(client, execution.InstanceId, cancellationToken).ConfigureAwait(false);
        foreach (string mapRunArn in started)
        {
            (ExecutionSnapshot? latest, string instanceId) = await LatestAsync(client, mapRunArn, cancellationToken).ConfigureAwait(false);
            if (latest is not null)
            {
                await terminations.TerminateAsync(client, instanceId, "The execution that started the map run was stopped.", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Records a STANDARD map-run child before it starts, so that ListExecutions by <c>mapRunArn</c>, DescribeExecution,
    /// GetExecutionHistory and StopExecution find it. Called by the activity that names the children
    /// (<see cref="Durable.Activities.MapRuns.MapRunChildInputsActivity"/>); a record already there (a retried activity) is kept.
    /// </summary>
    /// <param name="executions">The execution index.</param>
    /// <param name="child">The child.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once recorded.</returns>
    public static async Task RegisterAsync(IExecutionIndex executions, MapRunChildStart child, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(executions);
        ArgumentNullException.ThrowIfNull(child);
        int end = child.ExecutionArn.LastIndexOf(':');
        string machineArn = child.ExecutionArn[..end].Replace(":execution:", ":stateMachine:", StringComparison.Ordinal);
        StateMachineRecord machine = new(machineArn, child.StateMachineName, ApiResources.Standard, child.Definition, string.Empty, child.StartDate);
        await executions.GetOrAddAsync(
            new ExecutionRecord(child.ExecutionArn, machineArn, child.Name, child.InstanceId, child.InputJson, child.StartDate, machine) { MapRunArn = child.MapRunArn },
            cancellationToken).ConfigureAwait(false);
    }

    private static DescribeMapRunResponse Describe(string arn, ExecutionSnapshot snapshot)
    {
        MapRunInput input = DurableJson.Deserialize<MapRunInput>(snapshot.InputJson!);
        var request = input.Request;
        MapRunRecord? record = snapshot.Status == ExecutionRuntimeStatus.Completed && snapshot.OutputJson is { } output
            ? DurableJson.Deserialize<MapRunOutput>(output).Record
            : snapshot.CustomStatusJson is { Length: > 0 } status && status != "null" ? DurableJson.Deserialize<MapRunRecord>(status) : null; // none set yet (Azure Storage: "null")
        MapRunCounts none = new(0, 0, 0, 0, 0, 0, 0, 0);
        record ??= new MapRunRecord(arn, "RUNNING", input.Progress?.StartDate ?? snapshot.CreatedAt, none, none)
        {
            MaxConcurrency = request.MaxConcurrency,
            ToleratedFailureCount = (long)(request.ToleratedFailureCount ?? 0),
            ToleratedFailurePercentage = request.ToleratedFailurePercentage ?? 0,
        };
        DateTimeOffset closed = DateTimeOffset.FromUnixTimeMilliseconds(snapshot.LastUpdatedAt.ToUnixTimeMilliseconds());
        (string state, DateTimeOffset? stop, bool aborted) = snapshot.Status switch
        {
            ExecutionRuntimeStatus.Completed => (record.Status, record.StopDate, false),
            ExecutionRuntimeStatus.Terminated or ExecutionRuntimeStatus.Canceled => ("ABORTED", closed, true),
            ExecutionRuntimeStatus.Failed => ("FAILED", closed, false),
            _ => ("RUNNING", null, false),
        };
        return new DescribeMapRunResponse(
            arn,
            $"{request.ArnPrefix}:execution:{request.StateMachineName}:{request.ExecutionName}",
            state,
            record.StartDate,
            stop,
            record.MaxConcurrency,
            record.ToleratedFailurePercentage,
            record.ToleratedFailureCount,
            Counts(record.ItemCounts, aborted),
            Counts(record.ExecutionCounts, aborted),
            record.RedriveCount ?? 0,
            record.RedriveDate);
    }

    /// <summary>AWS's counts; once aborted, what was pending or running counts as aborted (and nothing waits for a redrive).</summary>
    private static MapRunCountsResponse Counts(MapRunCounts counts, bool aborted) => aborted
        ? new(0, 0, counts.Succeeded, counts.Failed, counts.TimedOut, counts.Aborted + counts.Pending + counts.Running, counts.Total, counts.ResultsWritten, counts.FailuresNotRedrivable, 0)
        : new(counts.Pending, counts.Running, counts.Succeeded, counts.Failed, counts.TimedOut, counts.Aborted, counts.Total, counts.ResultsWritten, counts.FailuresNotRedrivable, counts.PendingRedrive);
}
