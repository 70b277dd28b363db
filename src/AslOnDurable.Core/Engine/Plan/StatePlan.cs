using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Paths.Templates;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>The root of the compiled states: what every state type shares, precompiled once per definition.</summary>
internal abstract class StatePlan
{
    /// <summary>Compiles the shared fields.</summary>
    protected StatePlan(StateDefinition definition, PlanCompiler compiler)
    {
        Definition = definition;
        Name = definition.Name;
        IsJsonata = definition.QueryLanguage == QueryLanguage.JSONata;
        NextIndex = compiler.IndexOf(definition.Next);
        EnteredEventType = History.HistoryEventTypes.StateEntered(definition.Type);
        ExitedEventType = History.HistoryEventTypes.StateExited(definition.Type);
        if (IsJsonata)
        {
            Output = compiler.Jsonata(definition.Output, definition.HasOutput, "Output");
            JsonataAssign = compiler.Jsonata(definition.Assign, "Assign");
        }
        else
        {
            InputPath = ValueSelector.CompileOptional(definition.InputPath);
            OutputPath = ValueSelector.CompileOptional(definition.OutputPath);
            Assign = PlanCompiler.Template(definition.Assign);
        }
    }

    /// <summary>The state record.</summary>
    public StateDefinition Definition { get; }

    /// <summary>The state name.</summary>
    public string Name { get; }

    /// <summary>Whether the state uses JSONata.</summary>
    public bool IsJsonata { get; }

    /// <summary>
    /// Whether the state reads its input only through <c>$states.input</c> of JSONata expressions and passes it on as
    /// it is, so it may take a previous output held as the evaluator's value (<see cref="StepResult.Held"/>) without its
    /// node: JSONata Pass, Succeed and Choice states (whose rules are all JSONata conditions).
    /// </summary>
    public virtual bool TakesHeldInput => false;

    /// <summary>The index of <c>Next</c>, or -1 when the state ends the machine (or has no Next).</summary>
    public int NextIndex { get; }

    /// <summary><c>InputPath</c> (JSONPath); <see langword="null"/> when explicitly null.</summary>
    public ValueSelector? InputPath { get; }

    /// <summary><c>OutputPath</c> (JSONPath); <see langword="null"/> when explicitly null.</summary>
    public ValueSelector? OutputPath { get; }

    /// <summary>JSONPath-mode <c>Assign</c>, or <see langword="null"/>.</summary>
    public PayloadTemplate? Assign { get; }

    /// <summary>JSONata-mode <c>Assign</c>, or <see langword="null"/>.</summary>
    public JsonataTemplate? JsonataAssign { get; }

    /// <summary>JSONata <c>Output</c>, or <see langword="null"/>.</summary>
    public JsonataTemplate? Output { get; }

    /// <summary>The <c>...StateEntered</c> event type.</summary>
    public string EnteredEventType { get; }

    /// <summary>The <c>...StateExited</c> event type.</summary>
    public string ExitedEventType { get; }
}
