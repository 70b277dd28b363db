using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;

namespace AslOnDurable.Runtime.Api.Executions;

/// <summary>
/// Runs EXPRESS executions on the in-memory engine (real time, no durable history): StartSyncExecution waits for the
/// result, StartExecution runs it in the background (at least once, as AWS's asynchronous Express workflows).
/// </summary>
/// <param name="plans">Compiled definitions.</param>
/// <param name="tasks">Runs Task states.</param>
/// <param name="time">The clock.</param>
internal sealed class ExpressRunner(ExecutionPlanCache plans, ITaskHandler tasks, TimeProvider time)
{
    /// <summary>Runs one execution to its end.</summary>
    /// <param name="execution">The execution (its definition, name and input).</param>
    /// <param name="arnPrefix">The ARN prefix.</param>
    /// <returns>The outcome.</returns>
    public async Task<ExecutionOutcome> RunAsync(ExecutionRecord execution, string arnPrefix)
    {
        ExecutionResult result;
        if (plans.Get(execution.StateMachine.Definition) is { Plan: { } plan })
        {
            InMemoryExecutionHost host = new(time, tasks);
            ExecutionRequest request = new()
            {
                Input = JsonNode.Parse(execution.InputJson),
                Name = execution.Name,
                StateMachineName = execution.StateMachine.Name,
                ArnPrefix = arnPrefix,
                RoleArn = execution.StateMachine.RoleArn,
            };
            result = await new Interpreter(plan).RunAsync(request, host, new ExecutionOptions()).ConfigureAwait(false);
        }
        else
        {
            result = new ExecutionResult(ExecutionStatus.Failed, null, new Core.Errors.AslError("States.Runtime", "The definition could not be compiled."));
        }

        return new ExecutionOutcome(result.StatusName, DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds()))
        {
            Output = result.Status == ExecutionStatus.Succeeded ? result.Output?.ToJsonString() ?? "null" : null,
            Error = result.Error?.Error,
            Cause = result.Error?.Cause,
        };
    }
}
