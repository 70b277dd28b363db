using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.Executors;

/// <summary>Runs Choice states: the first rule that holds picks Next (and its Assign/Output); else Default; else States.NoChoiceMatched.</summary>
internal static class ChoiceStateExecutor
{
    /// <summary>The cause AWS reports when no rule matched and there is no Default.</summary>
    public const string NoMatchCause = "No Matches!";

    /// <summary>Runs the state.</summary>
    public static StepResult Execute(ChoiceStatePlan state, ExecutionFrame frame, JsonNode? raw)
    {
        if (state.IsJsonata)
        {
            return ExecuteJsonata(state, frame, raw);
        }

        var effective = InputProcessor.ApplyInputPath(state, frame, raw);
        var environment = frame.Environment;
        foreach (var rule in state.Rules)
        {
            if (rule.Condition.Evaluate(effective, environment))
            {
                return StateCompletion.PassThrough(state, frame, raw, effective, rule.Assign, rule.NextIndex);
            }
        }

        return state.DefaultIndex >= 0
            ? StateCompletion.PassThrough(state, frame, raw, effective, state.Assign, state.DefaultIndex)
            : StepResult.Fail(new AslError(StatesErrorNames.NoChoiceMatched, NoMatchCause));
    }

    private static StepResult ExecuteJsonata(ChoiceStatePlan state, ExecutionFrame frame, JsonNode? raw)
    {
        var environment = frame.Environment;
        ChoiceRulePlan? matched = null;
        var states = JsonataStates.Create(raw, null, null, environment);
        try
        {
            foreach (var rule in state.Rules)
            {
                if (rule.Condition is JsonataConditionPlan condition ? condition.EvaluateJsonata(states, environment) : rule.Condition.Evaluate(raw, environment))
                {
                    matched = rule;
                    break;
                }
            }
        }
        finally
        {
            JsonataStates.Release(states, environment);
        }

        if (matched is not null)
        {
            return StateCompletion.CompleteJsonata(frame, raw, null, false, matched.JsonataAssign, matched.Output, matched.NextIndex);
        }

        return state.DefaultIndex >= 0
            ? StateCompletion.CompleteJsonata(frame, raw, null, false, state.JsonataAssign, state.Output, state.DefaultIndex)
            : StepResult.Fail(new AslError(StatesErrorNames.NoChoiceMatched, NoMatchCause));
    }
}
