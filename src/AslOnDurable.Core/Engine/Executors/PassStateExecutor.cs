using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.Plan;

namespace AslOnDurable.Core.Engine.Executors;

/// <summary>Runs Pass states: InputPath → Parameters or Result → ResultPath → OutputPath (JSONata: Output).</summary>
internal static class PassStateExecutor
{
    /// <summary>Runs the state.</summary>
    public static StepResult Execute(PassStatePlan state, ExecutionFrame frame, JsonNode? raw)
    {
        if (state.IsJsonata)
        {
            return StateCompletion.CompleteJsonata(frame, raw, null, false, state.JsonataAssign, state.Output, state.NextIndex);
        }

        var effective = InputProcessor.ApplyInputPath(state, frame, raw);
        JsonNode? result;
        bool owned;
        if (state.Parameters is not null)
        {
            result = state.Parameters.Evaluate(effective, frame.Environment);
            owned = true;
        }
        else if (state.HasResult)
        {
            result = state.Result;
            owned = false;
        }
        else
        {
            result = effective;
            owned = false;
        }

        return StateCompletion.Complete(state, frame, raw, result, owned, state.ResultPath, state.NextIndex);
    }
}
