using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>The root of compiled Choice conditions.</summary>
internal abstract class ChoiceConditionPlan
{
    /// <summary>Evaluates the condition against the state's effective input.</summary>
    /// <exception cref="Errors.AslErrorException">States.Runtime when a path references nothing.</exception>
    public abstract bool Evaluate(JsonNode? input, IEvaluationEnvironment environment);
}
