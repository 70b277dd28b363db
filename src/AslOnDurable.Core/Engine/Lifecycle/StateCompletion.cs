using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Context;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>
/// The end of a state's data flow: Assign (evaluated and measured against the variable size limits before, committed
/// after the output), ResultPath, OutputPath / Output.
/// </summary>
internal static class StateCompletion
{
    /// <summary>JSONPath: Assign on the result, ResultPath into the raw input, OutputPath, then commit the variables.</summary>
    public static StepResult Complete(StatePlan state, ExecutionFrame frame, JsonNode? raw, JsonNode? result, bool resultOwned, string? resultPath, int nextIndex)
    {
        var assigned = Prepare(frame.Environment, state.Assign?.Evaluate(result, frame.Environment) as JsonObject);
        var combined = OutputProcessor.ApplyResultPath(raw, resultPath, result, resultOwned);
        var output = OutputProcessor.ApplyOutputPath(state, frame, combined);
        Commit(frame.Environment, assigned);

        return StepResult.Next(nextIndex, output);
    }

    /// <summary>JSONPath states without a result (Choice, Wait, Succeed): Assign and OutputPath on the effective input.</summary>
    public static StepResult PassThrough(StatePlan state, ExecutionFrame frame, JsonNode? raw, JsonNode? effective, Paths.Templates.PayloadTemplate? assignTemplate, int nextIndex)
    {
        var assigned = Prepare(frame.Environment, assignTemplate?.Evaluate(effective, frame.Environment) as JsonObject);
        var output = OutputProcessor.ApplyOutputPath(state, frame, OutputProcessor.Own(effective, raw));
        Commit(frame.Environment, assigned);

        return StepResult.Next(nextIndex, output);
    }

    /// <summary>
    /// JSONata: Assign and Output with <c>$states.input</c> (and <c>$states.result</c>) bound, then commit. The output of
    /// an Output field is held as the evaluator's value (<see cref="StepResult.Held"/>), built as a node only when needed;
    /// a state without one passes its input on as it came (node or held value).
    /// </summary>
    public static StepResult CompleteJsonata(ExecutionFrame frame, JsonNode? raw, JsonNode? result, bool hasResult, JsonataTemplate? assignTemplate, JsonataTemplate? outputTemplate, int nextIndex)
    {
        var environment = frame.Environment;
        if (assignTemplate is null && outputTemplate is null)
        {
            return hasResult ? StepResult.Next(nextIndex, result) : PassOn(environment, raw, nextIndex);
        }

        var states = JsonataStates.Create(raw, hasResult ? result : null, null, environment);
        AssignedVariable[]? assign;
        JsonataValue output;
        try
        {
            assign = assignTemplate?.EvaluateAssign(states, environment);
            output = outputTemplate is not null
                ? outputTemplate.EvaluateValue(states, environment)
                : default;
        }
        finally
        {
            JsonataStates.Release(states, environment);
        }

        Commit(environment, Prepare(environment, assign));
        if (outputTemplate is null)
        {
            return hasResult ? StepResult.Next(nextIndex, Detached(result)) : PassOn(environment, raw, nextIndex);
        }

        return output == JsonataValue.Null ? StepResult.Next(nextIndex, (JsonNode?)null) : StepResult.Next(nextIndex, new HeldJsonataValue(output));
    }

    private static StepResult PassOn(StateEnvironment environment, JsonNode? raw, int nextIndex) =>
        environment.HeldInput is { } held ? StepResult.Next(nextIndex, held) : StepResult.Next(nextIndex, raw);

    /// <summary>
    /// Measures an evaluated Assign against the variable size limits (<c>States.DataLimitExceeded</c>) before the
    /// output is built; <see langword="null"/> when the state assigns nothing, which costs nothing.
    /// </summary>
    public static AssignedVariable[]? Prepare(StateEnvironment environment, JsonObject? assign) =>
        assign is null ? null : environment.Scope.Prepare(assign, environment.StateName);

    /// <summary>
    /// Checks an evaluated JSONata Assign (<see cref="JsonataTemplate.EvaluateAssign"/>) against the variable size limits
    /// before the output is built; <see langword="null"/> when the state assigns nothing.
    /// </summary>
    public static AssignedVariable[]? Prepare(StateEnvironment environment, AssignedVariable[]? assign) =>
        assign is null ? null : environment.Scope.Prepare(assign, environment.StateName);

    /// <summary>Assigns what <see cref="Prepare(StateEnvironment, JsonObject?)"/> measured, once the state's output is built.</summary>
    public static void Commit(StateEnvironment environment, AssignedVariable[]? assigned)
    {
        if (assigned is not null)
        {
            environment.Scope.Commit(assigned, environment.StateName);
        }
    }

    private static JsonNode? Detached(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();
}
