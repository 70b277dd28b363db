using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// Runs one Standard workflow execution as a Durable Task orchestration: the ASL engine interprets the definition
/// against a <see cref="DurableExecutionHost"/>, so Task states become activity calls, Wait and Retry backoff
/// durable timers, and Parallel/inline Map branches concurrent tasks of this orchestration. Input and output are
/// JSON text (<see cref="StateMachineInput"/>, <see cref="StateMachineOutput"/>).
/// </summary>
/// <remarks>
/// The execution's <c>TimeoutSeconds</c> is a durable timer raced with the whole run: when it fires first the
/// execution ends <c>TIMED_OUT</c> with <c>States.Timeout</c> at once, even while an activity is still running (AWS
/// does the same). DurableTask.Core marks the instance completed only once no task is open, so an activity the run
/// abandoned (timed out, or in a failed Parallel branch) delays completion, never the result. A terminated orchestration is an <c>ABORTED</c> execution (see <see cref="Hosting.DurableStateMachineRunner"/>).
/// </remarks>
/// <param name="plans">Compiled definitions, shared by every execution of the host.</param>
/// <param name="historySinks">Gives a live sink for an instance id's ASL history events, or <c>null</c> for none.</param>
public sealed class StateMachineOrchestrator(ExecutionPlanCache plans, Func<string, IHistorySink?>? historySinks = null)
    : TaskOrchestrator<string, string>
{
    /// <inheritdoc />
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        StateMachineInput request = DurableJson.Deserialize<StateMachineInput>(input);
        PayloadVersion.EnsureReadable(request.Version, nameof(StateMachineInput));
        CompiledDefinition compiled = plans.Get(request.Definition);
        if (compiled.Plan is not { } plan)
        {
            return Serialize(new ExecutionResult(ExecutionStatus.Failed, null, new AslError(StatesErrorNames.Runtime, compiled.Problem)));
        }

        IHistorySink? sink = historySinks?.Invoke(context.InstanceId);
        ExecutionOptions options = new()
        {
            MaxPayloadBytes = request.MaxPayloadBytes ?? ExecutionOptions.DefaultMaxPayloadBytes,
            History = sink is null ? null : new ReplaySafeHistorySink(context, sink),
        };
        ExecutionRequest execution = new()
        {
            Input = request.Input,
            Name = request.ExecutionName ?? context.InstanceId,
        };
        execution = execution with
        {
            StateMachineName = request.StateMachineName ?? execution.StateMachineName,
            ArnPrefix = request.ArnPrefix ?? execution.ArnPrefix,
            RoleArn = request.RoleArn ?? execution.RoleArn,
        };

        DateTime deadline = plan.Definition.TimeoutSeconds is { } seconds ? context.CurrentUtcDateTime.AddSeconds(seconds) : DateTime.MaxValue;
        Task<ExecutionResult> run = new Interpreter(plan).RunAsync(execution, new DurableExecutionHost(context, request.SkipWaits == true), options).AsTask();
        if (deadline == DateTime.MaxValue || run.IsCompleted)
        {
            return Serialize(await run);
        }

        using CancellationTokenSource cancelTimer = new();
        Task timer = DurableTimers.WaitUntilAsync(context, deadline, cancelTimer.Token);
        if (await Task.WhenAny(run, timer) == timer)
        {
            return Serialize(new ExecutionResult(ExecutionStatus.TimedOut, null, new AslError(StatesErrorNames.Timeout, null)));
        }

        await cancelTimer.CancelAsync();
        return Serialize(await run);
    }

    private static string Serialize(ExecutionResult result) => DurableJson.Serialize(StateMachineResults.ToOutput(result));
}
