using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Paths.JsonPath.Filters;

/// <summary>
/// <c>left op right</c>. Numbers compare by value, strings ordinally; values of different types are never
/// ordered. An undefined side (missing path) makes every operator false except <c>!=</c> and <c>nin</c>, as in
/// Jayway JsonPath, the library AWS's JSONPath behaves like.
/// </summary>
/// <param name="left">The left operand.</param>
/// <param name="op">The operator.</param>
/// <param name="right">The right operand.</param>
internal sealed class ComparisonFilter(FilterOperand left, FilterOperator op, FilterOperand right) : FilterExpression
{
    /// <inheritdoc/>
    public override bool Matches(JsonNode? current, JsonPathWalker walker)
    {
        var hasLeft = left.TryResolve(current, walker, out var l);
        if (op == FilterOperator.Matches)
        {
            return hasLeft && right is RegexOperand regex && regex.Regex.IsMatch(RegexInput(l));
        }

        var hasRight = right.TryResolve(current, walker, out var r);
        if (!hasLeft || !hasRight)
        {
            return op is FilterOperator.NotEqual or FilterOperator.NotIn;
        }

        return op switch
        {
            FilterOperator.Equal => AreEqual(l, r),
            FilterOperator.NotEqual => !AreEqual(l, r),
            FilterOperator.LessThan => TryOrder(l, r, out var c) && c < 0,
            FilterOperator.LessThanOrEqual => TryOrder(l, r, out var c) && c <= 0,
            FilterOperator.GreaterThan => TryOrder(l, r, out var c) && c > 0,
            FilterOperator.GreaterThanOrEqual => TryOrder(l, r, out var c) && c >= 0,
            FilterOperator.In => ContainsElement(r, l),
            FilterOperator.NotIn => !ContainsElement(r, l),
            FilterOperator.Contains => Contains(l, r),
            FilterOperator.Size => HasSize(l, r),
            FilterOperator.Empty => IsEmpty(l, r),
            _ => false,
        };
    }

    /// <inheritdoc/>
    public override void AppendText(StringBuilder builder) =>
        builder.Append(left.Text).Append(' ').Append(OperatorText(op)).Append(' ').Append(right.Text);

    /// <summary>The operator as written.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>Its text.</returns>
    public static string OperatorText(FilterOperator op) => op switch
    {
        FilterOperator.Equal => "==",
        FilterOperator.NotEqual => "!=",
        FilterOperator.LessThan => "<",
        FilterOperator.LessThanOrEqual => "<=",
        FilterOperator.GreaterThan => ">",
        FilterOperator.GreaterThanOrEqual => ">=",
        FilterOperator.Matches => "=~",
        FilterOperator.In => "in",
        FilterOperator.NotIn => "nin",
        FilterOperator.Contains => "contains",
        FilterOperator.Size => "size",
        _ => "empty",
    };

    private static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        var lk = Kind(left);
        var rk = Kind(right);
        if (lk == JsonValueKind.Number && rk == JsonValueKind.Number)
        {
            return JsonNumbers.TryCompare(left, right, out var c) && c == 0;
        }

        if (lk == JsonValueKind.Number && rk == JsonValueKind.String)
        {
            return NumberEqualsText(left, right!.GetValue<string>());
        }

        if (lk == JsonValueKind.String && rk == JsonValueKind.Number)
        {
            return NumberEqualsText(right, left!.GetValue<string>());
        }

        return JsonNode.DeepEquals(left, right);
    }

    private static bool NumberEqualsText(JsonNode? number, string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
        && JsonNumbers.TryGetDecimal(number, out var value)
        && value == parsed;

    private static bool TryOrder(JsonNode? left, JsonNode? right, out int comparison)
    {
        var lk = Kind(left);
        var rk = Kind(right);
        if (lk == JsonValueKind.Number && rk == JsonValueKind.Number)
        {
            return JsonNumbers.TryCompare(left, right, out comparison);
        }

        if (lk == JsonValueKind.String && rk == JsonValueKind.String)
        {
            comparison = string.CompareOrdinal(left!.GetValue<string>(), right!.GetValue<string>());
            return true;
        }

        comparison = 0;
        return false;
    }

    private static bool ContainsElement(JsonNode? container, JsonNode? element)
    {
        if (container is not JsonArray array)
        {
            return false;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (AreEqual(array[i], element))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(JsonNode? left, JsonNode? right)
    {
        if (Kind(left) == JsonValueKind.String)
        {
            return Kind(right) == JsonValueKind.String
                && left!.GetValue<string>().Contains(right!.GetValue<string>(), StringComparison.Ordinal);
        }

        return ContainsElement(left, right);
    }

    private static bool HasSize(JsonNode? left, JsonNode? right)
    {
        if (!JsonNumbers.TryGetInt64(right, out var size))
        {
            return false;
        }

        return left switch
        {
            JsonArray array => array.Count == size,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>().Length == size,
            _ => false,
        };
    }

    private static bool IsEmpty(JsonNode? left, JsonNode? right)
    {
        var expected = Kind(right) switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => (bool?)null,
        };
        if (expected is null)
        {
            return false;
        }

        return left switch
        {
            JsonArray array => (array.Count == 0) == expected,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => (value.GetValue<string>().Length == 0) == expected,
            _ => false,
        };
    }

    private static string RegexInput(JsonNode? value) => Kind(value) switch
    {
        JsonValueKind.String => value!.GetValue<string>(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value!.ToJsonString(JsonLimits.SerializerOptions),
        _ => string.Empty,
    };

    private static JsonValueKind Kind(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();
}
