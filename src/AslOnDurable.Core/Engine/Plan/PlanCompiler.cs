using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.ErrorHandling;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Paths.Templates;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>Turns a validated definition into plans: names resolved to indexes, paths and templates compiled.</summary>
/// <param name="jsonata">The JSONata evaluator, or <see langword="null"/> when JSONata is unavailable.</param>
internal sealed class PlanCompiler(IJsonataEvaluator? jsonata)
{
    private FrozenDictionary<string, int> indexes = FrozenDictionary<string, int>.Empty;

    /// <summary>Compiles a state machine and everything nested in it.</summary>
    public StateMachinePlan CompileMachine(StateMachineDefinition definition)
    {
        var map = new Dictionary<string, int>(definition.StateNames.Length, StringComparer.Ordinal);
        for (var i = 0; i < definition.StateNames.Length; i++)
        {
            map[definition.StateNames[i]] = i;
        }

        var plan = new StateMachinePlan(definition, map.ToFrozenDictionary(StringComparer.Ordinal));
        var outer = indexes;
        for (var i = 0; i < definition.StateNames.Length; i++)
        {
            indexes = plan.Indexes;
            plan.States[i] = CompileState(definition.States[definition.StateNames[i]]);
        }

        indexes = outer;
        return plan;
    }

    /// <summary>The index of a state in the machine being compiled, or -1 for <see langword="null"/>.</summary>
    public int IndexOf(string? name) => name is null ? -1 : indexes[name];

    /// <summary>Compiles a JSONPath payload template, or <see langword="null"/> when absent.</summary>
    public static PayloadTemplate? Template(JsonNode? template)
    {
        if (template is null)
        {
            return null;
        }

        return PayloadTemplate.TryCompile(template, out var compiled, out var errors)
            ? compiled
            : throw new FormatException(errors.Count > 0 ? errors[0].Pointer + ": " + errors[0].Message : "invalid template");
    }

    /// <summary>Compiles a JSONata template (a value with <c>{% %}</c> strings), or <see langword="null"/> when absent.</summary>
    public JsonataTemplate? Jsonata(JsonNode? template, string field) => template is null ? null : JsonataTemplate.Compile(template, jsonata, field);

    /// <summary>
    /// Compiles a JSONata template that may be present with a JSON <c>null</c> value (<c>"Output": null</c> gives a
    /// template that produces <c>null</c>), or <see langword="null"/> when absent.
    /// </summary>
    public JsonataTemplate? Jsonata(JsonNode? template, bool present, string field) =>
        template is null && !present ? null : JsonataTemplate.Compile(template, jsonata, field);

    /// <summary>Compiles catchers.</summary>
    public CatcherPlan[] Catchers(ImmutableArray<Catcher> catchers, bool isJsonata)
    {
        if (catchers.IsDefaultOrEmpty)
        {
            return [];
        }

        var result = new CatcherPlan[catchers.Length];
        for (var i = 0; i < catchers.Length; i++)
        {
            var c = catchers[i];
            result[i] = new CatcherPlan(
                c,
                IndexOf(c.Next),
                isJsonata ? null : Template(c.Assign),
                isJsonata ? Jsonata(c.Assign, "Assign") : null,
                isJsonata ? Jsonata(c.Output, c.HasOutput, "Output") : null);
        }

        return result;
    }

    private StatePlan CompileState(StateDefinition state) => state switch
    {
        PassState pass => new PassStatePlan(pass, this),
        TaskState task => new TaskStatePlan(task, this),
        ChoiceState choice => new ChoiceStatePlan(choice, this),
        WaitState wait => new WaitStatePlan(wait, this),
        SucceedState succeed => new SucceedStatePlan(succeed, this),
        FailState fail => new FailStatePlan(fail, this),
        ParallelState parallel => new ParallelStatePlan(parallel, this),
        MapState map => new MapStatePlan(map, this),
        _ => throw new NotSupportedException("Unknown state type " + state.Type),
    };
}
