using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine;

/// <summary>Per-execution facts shared by every frame: host, options, ids, times, the pristine input and the history.</summary>
internal sealed class ExecutionRun
{
    private readonly JsonNode? pristineInput;
    private Jsonata.JsonataEnvironment? jsonataEnvironment;
    private JsonataContextConstants? jsonataContextConstants;
    private long steps;
    private (string State, string Arn, int Count)? redriveMapRun;

    /// <summary>Starts the bookkeeping for one execution, or resumes it from a checkpoint.</summary>
    public ExecutionRun(ExecutionRequest request, IExecutionHost host, ExecutionOptions options, int? timeoutSeconds, ExecutionCheckpoint? resumeFrom = null)
    {
        Host = host;
        Options = options;
        History = new HistoryRecorder(options.History, host);
        if (resumeFrom is not null)
        {
            History.ContinueFrom(resumeFrom.LastEventId);
            steps = resumeFrom.Steps;
            RedriveCount = resumeFrom.RedriveCount;
            RedriveTime = resumeFrom.RedriveTime;
            if (resumeFrom is { IsRedrive: true, RedriveMapRunArn: { } mapRunArn })
            {
                redriveMapRun = (resumeFrom.StateName, mapRunArn, resumeFrom.RedriveMapRunCount + 1);
            }
        }

        FirstEventId = History.LastId;
        StartTime = resumeFrom?.StartTime ?? host.UtcNow;
        Name = resumeFrom?.ExecutionName ?? request.Name ?? host.NewGuid().ToString();
        StateMachineName = request.StateMachineName;
        StateMachineId = request.ArnPrefix + ":stateMachine:" + request.StateMachineName;
        ExecutionId = request.ExecutionArnFor(Name);
        RoleArn = request.RoleArn;
        pristineInput = request.Input?.DeepClone();
        Deadline = timeoutSeconds is { } seconds ? (RedriveTime ?? StartTime).AddSeconds(seconds) : null; // a redrive resets it
    }

    /// <summary>The host.</summary>
    public IExecutionHost Host { get; }

    /// <summary>The options.</summary>
    public ExecutionOptions Options { get; }

    /// <summary>The history recorder.</summary>
    public HistoryRecorder History { get; }

    /// <summary>The last event id before this run started or resumed (events since then are this segment's).</summary>
    public long FirstEventId { get; }

    /// <summary>When the execution started.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>The execution name.</summary>
    public string Name { get; }

    /// <summary>How many times the execution has been redriven.</summary>
    public int RedriveCount { get; }

    /// <summary>When the execution was last redriven, if ever.</summary>
    public DateTimeOffset? RedriveTime { get; }

    /// <summary>
    /// The map run a redriven Distributed Map state redrives (its ARN and the map run's redrive count with this redrive),
    /// once: later entries of the state (a Retry) start new map runs.
    /// </summary>
    /// <param name="stateName">The Map state entered.</param>
    /// <returns>The map run to redrive, or <see langword="null"/> to start a new one.</returns>
    public (string Arn, int Count)? TakeRedriveMapRun(string stateName)
    {
        if (redriveMapRun is not { } redrive || redrive.State != stateName)
        {
            return null;
        }

        redriveMapRun = null;
        return (redrive.Arn, redrive.Count);
    }

    /// <summary>The execution ARN.</summary>
    public string ExecutionId { get; }

    /// <summary>The state machine name.</summary>
    public string StateMachineName { get; }

    /// <summary>The state machine ARN.</summary>
    public string StateMachineId { get; }

    /// <summary>The role ARN.</summary>
    public string RoleArn { get; }

    /// <summary>The execution deadline (TimeoutSeconds), if any.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>The JSONata settings of this execution (host clock and randomness), created on first use.</summary>
    public Jsonata.JsonataEnvironment JsonataEnvironment => jsonataEnvironment ??= StepFunctionsJsonataFunctions.CreateEnvironment(Host);

    /// <summary>The steps counted so far (carried across continue-as-new in the checkpoint).</summary>
    public long Steps => Interlocked.Read(ref steps);

    /// <summary>
    /// Counts one step (a state entered or a retry) against <see cref="ExecutionOptions.MaxStateTransitions"/>; the
    /// <c>States.Runtime</c> failure once the limit is passed (every later step fails too, so no Catch can loop on).
    /// </summary>
    public AslError? CountStep()
    {
        return Interlocked.Increment(ref steps) > Options.MaxStateTransitions
            ? new AslError(StatesErrorNames.Runtime, $"The execution exceeded the limit of {Options.MaxStateTransitions} state transitions and retries.")
            : null;
    }

    /// <summary>Set once the execution timed out; every frame stops at its next step.</summary>
    public bool TimedOut { get; set; }

    /// <summary>A new <c>$$.Execution</c> object.</summary>
    public JsonObject CreateExecutionObject()
    {
        var execution = new JsonObject
        {
            ["Id"] = ExecutionId,
            ["Input"] = pristineInput?.DeepClone(),
            ["StartTime"] = Rfc3339.Format(StartTime),
            ["Name"] = Name,
            ["RoleArn"] = RoleArn,
            ["RedriveCount"] = RedriveCount,
        };
        if (RedriveTime is { } redriven)
        {
            execution["RedriveTime"] = Rfc3339.Format(redriven);
        }

        return execution;
    }

    /// <summary>A new <c>$$.StateMachine</c> object.</summary>
    public JsonObject CreateStateMachineObject() => new() { ["Id"] = StateMachineId, ["Name"] = StateMachineName };

    /// <summary>
    /// <c>$$.Execution</c> and <c>$$.StateMachine</c> as JSONata values, converted on first use and shared by every
    /// frame (they never change during the execution; values are never changed in place).
    /// </summary>
    public JsonataContextConstants JsonataContextConstants =>
        jsonataContextConstants ??= new(Jsonata.JsonataValue.FromNode(CreateExecutionObject()), Jsonata.JsonataValue.FromNode(CreateStateMachineObject()));

    /// <summary>Whether the deadline has passed or the run was stopped from outside (marks the run timed out).</summary>
    public bool CheckDeadline()
    {
        if (!TimedOut && ((Deadline is { } deadline && Host.UtcNow >= deadline) || Options.Stop.IsCancellationRequested))
        {
            TimedOut = true;
        }

        return TimedOut;
    }

    /// <summary>Waits on a durable timer, never past the execution deadline.</summary>
    /// <returns><see langword="false"/> when the deadline cut the wait short.</returns>
    public async ValueTask<bool> WaitUntilAsync(DateTimeOffset fireAt)
    {
        if (Deadline is { } deadline && fireAt >= deadline)
        {
            await Host.WaitUntilAsync(deadline);
            TimedOut = true;
            return false;
        }

        await Host.WaitUntilAsync(fireAt);
        return !CheckDeadline();
    }
}
