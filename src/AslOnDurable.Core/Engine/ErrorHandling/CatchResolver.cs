using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.ErrorHandling;

/// <summary>Applies a state's Catch rules to an error: the first matching catcher decides the next state and output.</summary>
internal static class CatchResolver
{
    /// <summary>The error output AWS passes to a catcher: <c>{"Error": ..., "Cause": ...}</c>.</summary>
    public static JsonObject ErrorOutput(AslError error)
    {
        var output = new JsonObject { ["Error"] = error.Error };
        if (error.Cause is not null)
        {
            output["Cause"] = error.Cause;
        }

        return output;
    }

    /// <summary>Resolves the error into a transition, or a failure when no catcher matches.</summary>
    public static StepResult Resolve(CatcherPlan[] catchers, ExecutionFrame frame, JsonNode? raw, AslError error, bool isJsonata)
    {
        foreach (var catcher in catchers)
        {
            if (!ErrorMatcher.MatchesAny(catcher.Catcher.ErrorEquals, error.Error))
            {
                continue;
            }

            try
            {
                return Caught(catcher, frame, raw, error, isJsonata);
            }
            catch (AslErrorException e)
            {
                return StepResult.Fail(StateFailure.FromEvaluation(e.Error, frame));
            }
        }

        return StepResult.Fail(error);
    }

    private static StepResult Caught(CatcherPlan catcher, ExecutionFrame frame, JsonNode? raw, AslError error, bool isJsonata)
    {
        var errorOutput = ErrorOutput(error);
        var environment = frame.Environment;
        if (isJsonata)
        {
            var states = JsonataStates.Create(raw, null, errorOutput, environment);
            try
            {
                var assigned = StateCompletion.Prepare(environment, catcher.JsonataAssign?.EvaluateAssign(states, environment));
                var output = catcher.Output is null ? errorOutput.DeepClone() : catcher.Output.Evaluate(states, environment);
                StateCompletion.Commit(environment, assigned);

                return StepResult.Next(catcher.NextIndex, output);
            }
            finally
            {
                JsonataStates.Release(states, environment);
            }
        }

        var assign = StateCompletion.Prepare(environment, catcher.Assign?.Evaluate(errorOutput, environment) as JsonObject);
        var combined = OutputProcessor.ApplyResultPath(raw, catcher.Catcher.ResultPath, errorOutput, resultOwned: true);
        StateCompletion.Commit(environment, assign);

        return StepResult.Next(catcher.NextIndex, combined);
    }
}
