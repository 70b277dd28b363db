using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>One action of an <c>UpdateExpression</c> (SET, REMOVE, ADD, DELETE).</summary>
internal abstract record UpdateAction(DocumentPath Path)
{
    /// <summary>Computes the action's effect from the item before the update (DynamoDB reads every operand there).</summary>
    /// <param name="before">The item before the update.</param>
    /// <returns>Applies the effect to the item being built.</returns>
    public abstract Action<JsonObject> Plan(JsonObject before);

    /// <summary><c>SET path = value</c>.</summary>
    public sealed record Set(DocumentPath Target, Operand Value) : UpdateAction(Target)
    {
        /// <inheritdoc/>
        public override Action<JsonObject> Plan(JsonObject before)
        {
            JsonNode value = Value.Evaluate(before)
                ?? throw new DynamoDbRequestException("The provided expression refers to an attribute that does not exist in the item");
            return item => Path.Set(item, value);
        }
    }

    /// <summary><c>REMOVE path</c>.</summary>
    public sealed record Remove(DocumentPath Target) : UpdateAction(Target)
    {
        /// <inheritdoc/>
        public override Action<JsonObject> Plan(JsonObject before) => Path.Remove;
    }

    /// <summary><c>ADD path value</c>: adds to a number, or members to a set (creating either when absent).</summary>
    public sealed record Add(DocumentPath Target, JsonNode Value) : UpdateAction(Target)
    {
        /// <inheritdoc/>
        public override Action<JsonObject> Plan(JsonObject before)
        {
            JsonNode? current = Path.Get(before);
            string? type = AttributeValues.TypeOf(Value);
            if (type is not ("N" or "SS" or "NS" or "BS") || (current is not null && AttributeValues.TypeOf(current) != type))
            {
                throw new DynamoDbRequestException("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: " + (type ?? "unknown"));
            }

            JsonNode result = current is null ? Value.DeepClone()
                : type == "N" ? AttributeValues.Number(Number(current) + Number(Value))
                : Union(current, Value, type);
            return item => Path.Set(item, result);
        }

        private static decimal Number(JsonNode value) =>
            AttributeValues.TryNumber(value["N"]!.GetValue<string>(), out decimal number) ? number
                : throw new DynamoDbRequestException("Number overflow. Attempting to store a number with magnitude larger than supported range");

        private static JsonObject Union(JsonNode current, JsonNode added, string type)
        {
            JsonArray members = [.. current[type]!.AsArray().Select(m => m?.DeepClone())];
            foreach (JsonNode? member in added[type]!.AsArray())
            {
                if (!members.Any(m => AttributeValues.AreEqual(Wrap(type, m), Wrap(type, member))))
                {
                    members.Add(member?.DeepClone());
                }
            }

            return new JsonObject { [type] = members };
        }
    }

    /// <summary><c>DELETE path value</c>: removes members from a set (an emptied set is removed).</summary>
    public sealed record Delete(DocumentPath Target, JsonNode Value) : UpdateAction(Target)
    {
        /// <inheritdoc/>
        public override Action<JsonObject> Plan(JsonObject before)
        {
            JsonNode? current = Path.Get(before);
            string? type = AttributeValues.TypeOf(Value);
            if (type is not ("SS" or "NS" or "BS") || (current is not null && AttributeValues.TypeOf(current) != type))
            {
                throw new DynamoDbRequestException("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: " + (type ?? "unknown"));
            }

            if (current is null)
            {
                return _ => { };
            }

            JsonNode[] removed = [.. Value[type]!.AsArray()!];
            JsonArray kept = [.. current[type]!.AsArray().Where(m => !removed.Any(r => AttributeValues.AreEqual(Wrap(type, m), Wrap(type, r)))).Select(m => m?.DeepClone())];
            return kept.Count == 0 ? Path.Remove : item => Path.Set(item, new JsonObject { [type] = kept });
        }
    }

    private static JsonObject Wrap(string setType, JsonNode? member) => new() { [setType[..1]] = member?.DeepClone() };
}
