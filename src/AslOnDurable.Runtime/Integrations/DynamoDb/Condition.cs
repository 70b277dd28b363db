using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>A parsed condition (<c>ConditionExpression</c>, <c>KeyConditionExpression</c>, <c>FilterExpression</c>).</summary>
internal abstract record Condition
{
    /// <summary>Whether an item (empty when there is none) meets the condition.</summary>
    public abstract bool IsMet(JsonObject item);

    /// <summary><c>a = b</c>, <c>a &lt;&gt; b</c>, <c>a &lt; b</c>, <c>a &lt;= b</c>, <c>a &gt; b</c>, <c>a &gt;= b</c>.</summary>
    public sealed record Comparison(Operand Left, string Operator, Operand Right) : Condition
    {
        /// <inheritdoc/>
        public override bool IsMet(JsonObject item)
        {
            JsonNode? left = Left.Evaluate(item);
            JsonNode? right = Right.Evaluate(item);
            if (Operator is "=" or "<>")
            {
                bool equal = left is not null && right is not null && AttributeValues.AreEqual(left, right);
                return Operator == "=" ? equal : !equal;
            }

            return AttributeValues.Compare(left, right) is { } order && Operator switch
            {
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                _ => order >= 0,
            };
        }
    }

    /// <summary><c>a BETWEEN low AND high</c>.</summary>
    public sealed record Between(Operand Value, Operand Low, Operand High) : Condition
    {
        /// <inheritdoc/>
        public override bool IsMet(JsonObject item)
        {
            JsonNode? value = Value.Evaluate(item);
            return AttributeValues.Compare(value, Low.Evaluate(item)) >= 0 && AttributeValues.Compare(value, High.Evaluate(item)) <= 0;
        }
    }

    /// <summary><c>a IN (b, c, …)</c>.</summary>
    public sealed record In(Operand Value, ImmutableArray<Operand> Candidates) : Condition
    {
        /// <inheritdoc/>
        public override bool IsMet(JsonObject item)
        {
            JsonNode? value = Value.Evaluate(item);
            return value is not null && Operand.EvaluateAll(Candidates, item).Any(c => AttributeValues.AreEqual(value, c));
        }
    }

    /// <summary><c>attribute_exists(p)</c>, <c>attribute_not_exists(p)</c>, <c>attribute_type(p, :t)</c>, <c>begins_with(p, :v)</c>, <c>contains(p, :v)</c>.</summary>
    public sealed record Function(string Name, Operand Subject, Operand? Argument) : Condition
    {
        /// <inheritdoc/>
        public override bool IsMet(JsonObject item)
        {
            JsonNode? subject = Subject.Evaluate(item);
            JsonNode? argument = Argument?.Evaluate(item);
            switch (Name)
            {
                case "attribute_exists":
                    return subject is not null;
                case "attribute_not_exists":
                    return subject is null;
                case "attribute_type":
                    return subject is not null && argument?["S"] is JsonValue type && AttributeValues.TypeOf(subject) == type.GetValue<string>();
                case "begins_with":
                    return (AttributeValues.TypeOf(subject), AttributeValues.TypeOf(argument)) switch
                    {
                        ("S", "S") => subject!["S"]!.GetValue<string>().StartsWith(argument!["S"]!.GetValue<string>(), StringComparison.Ordinal),
                        ("B", "B") => Convert.FromBase64String(subject!["B"]!.GetValue<string>()).AsSpan().StartsWith(Convert.FromBase64String(argument!["B"]!.GetValue<string>())),
                        _ => false,
                    };
                default: // contains
                    return (AttributeValues.TypeOf(subject), AttributeValues.TypeOf(argument)) switch
                    {
                        ("S", "S") => subject!["S"]!.GetValue<string>().Contains(argument!["S"]!.GetValue<string>(), StringComparison.Ordinal),
                        ("SS", "S") or ("BS", "B") => subject!.AsObject().First().Value!.AsArray().Any(m => m!.GetValue<string>() == argument!.AsObject().First().Value!.GetValue<string>()),
                        ("NS", "N") => subject!["NS"]!.AsArray().Any(m => AttributeValues.AreEqual(new JsonObject { ["N"] = m!.GetValue<string>() }, argument)),
                        ("L", _) => subject!["L"]!.AsArray().Any(m => AttributeValues.AreEqual(m, argument)),
                        _ => false,
                    };
            }
        }
    }

    /// <summary><c>a AND b</c>.</summary>
    public sealed record And(Condition Left, Condition Right) : Condition
    {
        /// <inheritdoc/>
        public override bool IsMet(JsonObject item) => Left.IsMet(item) && Right.IsMet(item);
    }

    /// <summary><c>a OR b</c>.</summary>
    public sealed record Or(Condition Left, Condition Right) : Condition
    {
        /// <inheritdoc/>
        public override bool IsMet(JsonObject item) => Left.IsMet(item) || Right.IsMet(item);
    }

    /// <summary><c>NOT a</c>.</summary>
    public sealed record Not(Condition Inner) : Condition
    {
        /// <inheritdoc/>
        public override bool IsMet(JsonObject item) => !Inner.IsMet(item);
    }
}
