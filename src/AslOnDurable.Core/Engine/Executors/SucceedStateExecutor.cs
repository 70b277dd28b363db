using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.Plan;

namespace AslOnDurable.Core.Engine.Executors;

/// <summary>Runs Succeed states: InputPath → OutputPath (JSONata: Output), then ends the machine.</summary>
internal static class SucceedStateExecutor
{
    /// <summary>Runs the state.</summary>
    public static StepResult Execute(SucceedStatePlan state, ExecutionFrame frame, JsonNode? raw)
    {
        if (state.IsJsonata)
        {
            return StateCompletion.CompleteJsonata(frame, raw, null, false, state.JsonataAssign, state.Output, -1);
        }

        var effective = InputProcessor.ApplyInputPath(state, frame, raw);
        return StateCompletion.PassThrough(state, frame, raw, effective, state.Assign, -1);
    }
}
