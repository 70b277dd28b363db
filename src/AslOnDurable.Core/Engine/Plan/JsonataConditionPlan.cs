using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled JSONata <c>Condition</c>; evaluated by the Choice executor with <c>$states</c> bound.</summary>
/// <param name="condition">The compiled condition.</param>
internal sealed class JsonataConditionPlan(JsonataTemplate condition) : ChoiceConditionPlan
{
    /// <summary>Evaluates with <c>$states</c> bound.</summary>
    public bool EvaluateJsonata(JsonNode? states, IEvaluationEnvironment environment)
    {
        var value = condition.Evaluate(states, environment);
        return value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValueKind() == JsonValueKind.True
            : throw new AslErrorException(
                StatesErrorNames.QueryEvaluationError,
                "An error occurred while evaluating the Condition field: the result is not a boolean: " + (value?.ToJsonString(JsonLimits.SerializerOptions) ?? "null"));
    }

    /// <inheritdoc/>
    public override bool Evaluate(JsonNode? input, IEvaluationEnvironment environment) => EvaluateJsonata(input, environment);
}
