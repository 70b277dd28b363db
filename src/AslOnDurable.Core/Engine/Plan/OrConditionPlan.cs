using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled <c>Or</c>.</summary>
/// <param name="conditions">The nested conditions.</param>
internal sealed class OrConditionPlan(ChoiceConditionPlan[] conditions) : ChoiceConditionPlan
{
    /// <inheritdoc/>
    public override bool Evaluate(JsonNode? input, IEvaluationEnvironment environment)
    {
        foreach (var condition in conditions)
        {
            if (condition.Evaluate(input, environment))
            {
                return true;
            }
        }

        return false;
    }
}
