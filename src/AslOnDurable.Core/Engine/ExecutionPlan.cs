using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Engine;

/// <summary>
/// A definition compiled for execution: state names resolved to indexes, paths, templates and Choice rules
/// compiled once. Immutable; cache one per definition and share it across executions and threads.
/// </summary>
public sealed class ExecutionPlan
{
    private ExecutionPlan(StateMachineDefinition definition, StateMachinePlan root)
    {
        Definition = definition;
        Root = root;
    }

    /// <summary>The definition.</summary>
    public StateMachineDefinition Definition { get; }

    /// <summary>The compiled top-level machine.</summary>
    internal StateMachinePlan Root { get; }

    /// <summary>Compiles a validated definition.</summary>
    /// <param name="definition">The definition (from <c>DefinitionParser.Parse</c>).</param>
    /// <param name="jsonata">The JSONata evaluator for JSONata-mode states; without one they fail with <c>States.QueryEvaluationError</c>.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="FormatException">A path or template in the definition does not compile (the validator should have said so).</exception>
    public static ExecutionPlan Compile(StateMachineDefinition definition, IJsonataEvaluator? jsonata = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new ExecutionPlan(definition, new PlanCompiler(jsonata).CompileMachine(definition));
    }

    /// <summary>Parses, validates and compiles a definition text: the one way hosts turn a text into a plan.</summary>
    /// <param name="definitionJson">The definition text.</param>
    /// <param name="jsonata">The JSONata evaluator for JSONata-mode states.</param>
    /// <param name="problem">Why there is no plan (every error diagnostic, or the compile error), else <c>null</c>.</param>
    /// <returns>The plan, or <c>null</c> when the definition is invalid.</returns>
    public static ExecutionPlan? FromText(string definitionJson, IJsonataEvaluator? jsonata, out string? problem)
    {
        var parsed = DefinitionParser.Parse(definitionJson);
        if (parsed.Definition is null)
        {
            problem = "The definition is invalid: " + string.Join("; ", parsed.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => $"{d.Code} {d.Location}: {d.Message}"));
            return null;
        }

        try
        {
            problem = null;
            return Compile(parsed.Definition, jsonata);
        }
        catch (FormatException e)
        {
            problem = "The definition cannot be compiled: " + e.Message;
            return null;
        }
    }
}
