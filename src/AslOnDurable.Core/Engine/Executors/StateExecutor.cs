using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Plan;

namespace AslOnDurable.Core.Engine.Executors;

/// <summary>Picks the executor for a state: one exhaustive switch over the closed hierarchy of compiled states.</summary>
internal static class StateExecutor
{
    /// <summary>Runs one state on its raw input (owned by the executor).</summary>
    public static ValueTask<StepResult> ExecuteAsync(StatePlan state, ExecutionFrame frame, JsonNode? input) => state switch
    {
        PassStatePlan pass => new(PassStateExecutor.Execute(pass, frame, input)),
        ChoiceStatePlan choice => new(ChoiceStateExecutor.Execute(choice, frame, input)),
        SucceedStatePlan succeed => new(SucceedStateExecutor.Execute(succeed, frame, input)),
        FailStatePlan fail => new(FailStateExecutor.Execute(fail, frame, input)),
        WaitStatePlan wait => WaitStateExecutor.ExecuteAsync(wait, frame, input),
        TaskStatePlan task => TaskStateExecutor.ExecuteAsync(task, frame, input),
        ParallelStatePlan parallel => ParallelStateExecutor.ExecuteAsync(parallel, frame, input),
        MapStatePlan map => MapStateExecutor.ExecuteAsync(map, frame, input),
        _ => throw new NotSupportedException(state.GetType().Name),
    };
}
