using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Model.Choice;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled data-test expression: operand converted once, glob and timestamp pre-parsed.</summary>
internal sealed class ComparisonConditionPlan : ChoiceConditionPlan
{
    private readonly ValueSelector variable;
    private readonly ComparisonOperator op;
    private readonly ValueSelector? operandPath;
    private readonly JsonNode? operand;
    private readonly string? operandString;
    private readonly double operandNumber;
    private readonly bool operandBool;
    private readonly DateTimeOffset operandTimestamp;
    private readonly GlobPattern? glob;

    private ComparisonConditionPlan(ComparisonCondition condition)
    {
        variable = ValueSelector.Compile(condition.Variable);
        op = condition.Operator;
        operand = condition.Operand;
        if (condition.IsPath)
        {
            operandPath = ValueSelector.Compile(condition.Operand!.GetValue<string>());
            return;
        }

        switch (operand?.GetValueKind())
        {
            case JsonValueKind.String:
                operandString = operand.GetValue<string>();
                if (op == ComparisonOperator.StringMatches)
                {
                    glob = GlobPattern.Compile(operandString);
                }

                _ = Rfc3339.TryParse(operandString, out operandTimestamp);
                break;
            case JsonValueKind.Number:
                _ = JsonNumbers.TryGetDouble(operand, out operandNumber);
                break;
            case JsonValueKind.True:
                operandBool = true;
                break;
            default:
                break;
        }
    }

    /// <summary>Compiles a comparison.</summary>
    public static ComparisonConditionPlan Compile(ComparisonCondition condition) => new(condition);

    /// <inheritdoc/>
    public override bool Evaluate(JsonNode? input, IEvaluationEnvironment environment)
    {
        var found = variable.TryEvaluate(input, environment, out var value);
        if (op == ComparisonOperator.IsPresent)
        {
            return found == operandBool;
        }

        if (!found)
        {
            throw new AslErrorException(
                StatesErrorNames.Runtime,
                $"Invalid path '{variable.Text}': The choice state's condition path references an invalid value.");
        }

        switch (op)
        {
            case ComparisonOperator.IsNull:
                return (value is null || value.GetValueKind() == JsonValueKind.Null) == operandBool;
            case ComparisonOperator.IsNumeric:
                return JsonNumbers.IsNumber(value) == operandBool;
            case ComparisonOperator.IsString:
                return (value?.GetValueKind() == JsonValueKind.String) == operandBool;
            case ComparisonOperator.IsBoolean:
                return (value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False) == operandBool;
            case ComparisonOperator.IsTimestamp:
                return (value?.GetValueKind() == JsonValueKind.String && Rfc3339.TryParse(value.GetValue<string>(), out _)) == operandBool;
            default:
                break;
        }

        if (operandPath is not null)
        {
            if (!operandPath.TryEvaluate(input, environment, out var other))
            {
                throw new AslErrorException(
                    StatesErrorNames.Runtime,
                    $"Invalid path '{operandPath.Text}': The choice state's condition path references an invalid value.");
            }

            return CompareWithNode(value, other);
        }

        return op switch
        {
            ComparisonOperator.StringEquals or ComparisonOperator.StringLessThan or ComparisonOperator.StringGreaterThan
                or ComparisonOperator.StringLessThanEquals or ComparisonOperator.StringGreaterThanEquals =>
                operandString is not null && value?.GetValueKind() == JsonValueKind.String
                && Order(string.CompareOrdinal(value.GetValue<string>(), operandString)),
            ComparisonOperator.StringMatches => glob is not null && value?.GetValueKind() == JsonValueKind.String && glob.IsMatch(value.GetValue<string>()),
            ComparisonOperator.NumericEquals or ComparisonOperator.NumericLessThan or ComparisonOperator.NumericGreaterThan
                or ComparisonOperator.NumericLessThanEquals or ComparisonOperator.NumericGreaterThanEquals =>
                JsonNumbers.TryGetDouble(value, out var number) && JsonNumbers.IsNumber(operand) && Order(number.CompareTo(operandNumber)),
            ComparisonOperator.BooleanEquals => value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                && (value.GetValueKind() == JsonValueKind.True) == operandBool,
            _ => operandString is not null && value?.GetValueKind() == JsonValueKind.String
                && Rfc3339.TryParse(value.GetValue<string>(), out var timestamp) && Order(timestamp.CompareTo(operandTimestamp)),
        };
    }

    private bool CompareWithNode(JsonNode? value, JsonNode? other)
    {
        switch (op)
        {
            case ComparisonOperator.NumericEquals or ComparisonOperator.NumericLessThan or ComparisonOperator.NumericGreaterThan
                or ComparisonOperator.NumericLessThanEquals or ComparisonOperator.NumericGreaterThanEquals:
                return JsonNumbers.TryGetDouble(value, out var a) && JsonNumbers.TryGetDouble(other, out var b) && Order(a.CompareTo(b));
            case ComparisonOperator.BooleanEquals:
                return value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    && other?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    && value.GetValueKind() == other.GetValueKind();
            default:
                break;
        }

        if (value?.GetValueKind() != JsonValueKind.String || other?.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        var left = value.GetValue<string>();
        var right = other.GetValue<string>();
        if (op is ComparisonOperator.TimestampEquals or ComparisonOperator.TimestampLessThan or ComparisonOperator.TimestampGreaterThan
            or ComparisonOperator.TimestampLessThanEquals or ComparisonOperator.TimestampGreaterThanEquals)
        {
            return Rfc3339.TryParse(left, out var l) && Rfc3339.TryParse(right, out var r) && Order(l.CompareTo(r));
        }

        return op == ComparisonOperator.StringMatches ? GlobPattern.Compile(right).IsMatch(left) : Order(string.CompareOrdinal(left, right));
    }

    private bool Order(int comparison) => op switch
    {
        ComparisonOperator.StringEquals or ComparisonOperator.NumericEquals or ComparisonOperator.TimestampEquals => comparison == 0,
        ComparisonOperator.StringLessThan or ComparisonOperator.NumericLessThan or ComparisonOperator.TimestampLessThan => comparison < 0,
        ComparisonOperator.StringGreaterThan or ComparisonOperator.NumericGreaterThan or ComparisonOperator.TimestampGreaterThan => comparison > 0,
        ComparisonOperator.StringLessThanEquals or ComparisonOperator.NumericLessThanEquals or ComparisonOperator.TimestampLessThanEquals => comparison <= 0,
        _ => comparison >= 0,
    };
}
