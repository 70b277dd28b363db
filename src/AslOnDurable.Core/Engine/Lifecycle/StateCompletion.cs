using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Plan;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>The end of a state's data flow: Assign (evaluated before, committed after the output), ResultPath, OutputPath / Output.</summary>
internal static class StateCompletion
{
    /// <summary>JSONPath: Assign on the result, ResultPath into the raw input, OutputPath, then commit the variables.</summary>
    public static StepResult Complete(StatePlan state, ExecutionFrame frame, JsonNode? raw, JsonNode? result, bool resultOwned, string? resultPath, int nextIndex)
    {
        var assign = state.Assign?.Evaluate(result, frame.Environment) as JsonObject;
        var combined = OutputProcessor.ApplyResultPath(raw, resultPath, result, resultOwned);
        var output = OutputProcessor.ApplyOutputPath(state, frame, combined);
        if (assign is not null)
        {
            frame.Environment.Scope.AssignAll(assign);
        }

        return StepResult.Next(nextIndex, output);
    }

    /// <summary>JSONPath states without a result (Choice, Wait, Succeed): Assign and OutputPath on the effective input.</summary>
    public static StepResult PassThrough(StatePlan state, ExecutionFrame frame, JsonNode? raw, JsonNode? effective, Paths.Templates.PayloadTemplate? assignTemplate, int nextIndex)
    {
        var assign = assignTemplate?.Evaluate(effective, frame.Environment) as JsonObject;
        var output = OutputProcessor.ApplyOutputPath(state, frame, OutputProcessor.Own(effective, raw));
        if (assign is not null)
        {
            frame.Environment.Scope.AssignAll(assign);
        }

        return StepResult.Next(nextIndex, output);
    }

    /// <summary>JSONata: Assign and Output with <c>$states.input</c> (and <c>$states.result</c>) bound, then commit.</summary>
    public static StepResult CompleteJsonata(ExecutionFrame frame, JsonNode? raw, JsonNode? result, bool hasResult, JsonataTemplate? assignTemplate, JsonataTemplate? outputTemplate, int nextIndex)
    {
        var environment = frame.Environment;
        if (assignTemplate is null && outputTemplate is null)
        {
            return StepResult.Next(nextIndex, hasResult ? result : raw);
        }

        var states = JsonataStates.Create(raw, hasResult ? result : null, null, environment);
        JsonObject? assign;
        JsonNode? output;
        try
        {
            assign = assignTemplate?.Evaluate(states, environment) as JsonObject;
            output = outputTemplate is not null
                ? outputTemplate.Evaluate(states, environment)
                : null;
        }
        finally
        {
            JsonataStates.Release(states);
        }

        if (outputTemplate is null)
        {
            output = hasResult ? Detached(result) : raw;
        }

        if (assign is not null)
        {
            environment.Scope.AssignAll(assign);
        }

        return StepResult.Next(nextIndex, output);
    }

    private static JsonNode? Detached(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();
}
