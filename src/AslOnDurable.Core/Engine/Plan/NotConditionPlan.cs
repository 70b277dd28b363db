using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled <c>Not</c>.</summary>
/// <param name="condition">The nested condition.</param>
internal sealed class NotConditionPlan(ChoiceConditionPlan condition) : ChoiceConditionPlan
{
    /// <inheritdoc/>
    public override bool Evaluate(JsonNode? input, IEvaluationEnvironment environment) => !condition.Evaluate(input, environment);
}
