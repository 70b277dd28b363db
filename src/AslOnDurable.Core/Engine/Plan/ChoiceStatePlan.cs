using AslOnDurable.Core.Model.Choice;
using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled Choice state.</summary>
internal sealed class ChoiceStatePlan : StatePlan
{
    /// <summary>Compiles the state and its rules.</summary>
    public ChoiceStatePlan(ChoiceState state, PlanCompiler compiler)
        : base(state, compiler)
    {
        DefaultIndex = compiler.IndexOf(state.Default);
        var rules = new ChoiceRulePlan[state.Choices.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = state.Choices[i];
            rules[i] = new ChoiceRulePlan(
                CompileCondition(rule.Condition, compiler),
                compiler.IndexOf(rule.Next),
                IsJsonata ? null : PlanCompiler.Template(rule.Assign),
                IsJsonata ? compiler.Jsonata(rule.Assign, "Assign") : null,
                IsJsonata ? compiler.Jsonata(rule.Output, rule.HasOutput, "Output") : null);
        }

        Rules = rules;
        TakesHeldInput = IsJsonata && Array.TrueForAll(rules, rule => rule.Condition is JsonataConditionPlan);
    }

    /// <inheritdoc/>
    public override bool TakesHeldInput { get; }

    /// <summary>The rules in order.</summary>
    public ChoiceRulePlan[] Rules { get; }

    /// <summary>The index of Default, or -1.</summary>
    public int DefaultIndex { get; }

    private static ChoiceConditionPlan CompileCondition(ChoiceCondition condition, PlanCompiler compiler) => condition switch
    {
        ComparisonCondition comparison => ComparisonConditionPlan.Compile(comparison),
        AndCondition and => new AndConditionPlan(CompileAll(and.Conditions, compiler)),
        OrCondition or => new OrConditionPlan(CompileAll(or.Conditions, compiler)),
        NotCondition not => new NotConditionPlan(CompileCondition(not.Condition, compiler)),
        JsonataCondition jsonata => new JsonataConditionPlan(compiler.Jsonata(jsonata.Condition, "Condition") ?? throw new FormatException("Condition is null")),
        _ => throw new NotSupportedException(condition.GetType().Name),
    };

    private static ChoiceConditionPlan[] CompileAll(System.Collections.Immutable.ImmutableArray<ChoiceCondition> conditions, PlanCompiler compiler)
    {
        var result = new ChoiceConditionPlan[conditions.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = CompileCondition(conditions[i], compiler);
        }

        return result;
    }
}
