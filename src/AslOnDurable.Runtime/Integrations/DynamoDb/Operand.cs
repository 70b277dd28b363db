using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>A value in an expression, read from the item being checked or updated (the item before the update).</summary>
internal abstract record Operand
{
    /// <summary>The operand's typed value, or <see langword="null"/> when it names an absent attribute.</summary>
    public abstract JsonNode? Evaluate(JsonObject item);

    /// <summary>An attribute or nested member.</summary>
    public sealed record PathOperand(DocumentPath Path) : Operand
    {
        /// <inheritdoc/>
        public override JsonNode? Evaluate(JsonObject item) => Path.Get(item)?.DeepClone();
    }

    /// <summary>An expression attribute value (<c>:v</c>).</summary>
    public sealed record ValueOperand(JsonNode Value) : Operand
    {
        /// <inheritdoc/>
        public override JsonNode? Evaluate(JsonObject item) => Value.DeepClone();
    }

    /// <summary><c>size(path)</c>.</summary>
    public sealed record SizeOperand(DocumentPath Path) : Operand
    {
        /// <inheritdoc/>
        public override JsonNode? Evaluate(JsonObject item) =>
            AttributeValues.Size(Path.Get(item)) is { } size ? AttributeValues.Number(size) : null;
    }

    /// <summary><c>if_not_exists(path, value)</c> (update expressions).</summary>
    public sealed record IfNotExistsOperand(DocumentPath Path, Operand Fallback) : Operand
    {
        /// <inheritdoc/>
        public override JsonNode? Evaluate(JsonObject item) => Path.Get(item)?.DeepClone() ?? Fallback.Evaluate(item);
    }

    /// <summary><c>list_append(a, b)</c> (update expressions).</summary>
    public sealed record ListAppendOperand(Operand First, Operand Second) : Operand
    {
        /// <inheritdoc/>
        public override JsonNode? Evaluate(JsonObject item)
        {
            if (First.Evaluate(item)?["L"] is not JsonArray first || Second.Evaluate(item)?["L"] is not JsonArray second)
            {
                throw new DynamoDbRequestException("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: not a list");
            }

            return new JsonObject { ["L"] = new JsonArray([.. first.Select(e => e?.DeepClone()), .. second.Select(e => e?.DeepClone())]) };
        }
    }

    /// <summary><c>a + b</c> or <c>a - b</c> on numbers (update expressions).</summary>
    public sealed record ArithmeticOperand(Operand Left, char Operator, Operand Right) : Operand
    {
        /// <inheritdoc/>
        public override JsonNode? Evaluate(JsonObject item)
        {
            JsonNode? left = Left.Evaluate(item);
            JsonNode? right = Right.Evaluate(item);
            if (left is null || right is null)
            {
                throw new DynamoDbRequestException("The provided expression refers to an attribute that does not exist in the item");
            }

            if (!(left["N"] is JsonValue l && AttributeValues.TryNumber(l.GetValue<string>(), out decimal a))
                || !(right["N"] is JsonValue r && AttributeValues.TryNumber(r.GetValue<string>(), out decimal b)))
            {
                throw new DynamoDbRequestException($"Invalid UpdateExpression: Incorrect operand type for operator or function; operator: {Operator}, operand type: not a number");
            }

            return AttributeValues.Number(Operator == '+' ? a + b : a - b);
        }
    }

    /// <summary>The values of a list of operands.</summary>
    public static ImmutableArray<JsonNode?> EvaluateAll(ImmutableArray<Operand> operands, JsonObject item) => [.. operands.Select(o => o.Evaluate(item))];
}
