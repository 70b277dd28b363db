using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>
/// A request's <c>ExpressionAttributeNames</c> and <c>ExpressionAttributeValues</c>, recording which its expressions use:
/// DynamoDB refuses undefined references and unused definitions.
/// </summary>
internal sealed class ExpressionAttributes
{
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedValues = new(StringComparer.Ordinal);

    /// <summary>Reads both maps from the request.</summary>
    /// <param name="parameters">The request.</param>
    public ExpressionAttributes(JsonObject parameters)
    {
        if (parameters["ExpressionAttributeNames"] is JsonObject nameMap)
        {
            foreach (var (key, value) in nameMap)
            {
                names[key] = JsonText.TryString(value, out string? name) ? name
                    : throw new DynamoDbRequestException($"ExpressionAttributeNames contains invalid value: the name of {key} must be a string");
            }
        }
        else if (parameters["ExpressionAttributeNames"] is not null)
        {
            throw new DynamoDbRequestException("ExpressionAttributeNames must be a map of #name to attribute name");
        }

        if (parameters["ExpressionAttributeValues"] is JsonObject valueMap)
        {
            foreach (var (key, value) in valueMap)
            {
                AttributeValues.Validate(value, key);
                values[key] = value!;
            }
        }
        else if (parameters["ExpressionAttributeValues"] is not null)
        {
            throw new DynamoDbRequestException("ExpressionAttributeValues must be a map of :value to attribute value");
        }
    }

    /// <summary>The attribute name a <c>#name</c> stands for.</summary>
    public string Name(string reference)
    {
        usedNames.Add(reference);
        return names.TryGetValue(reference, out string? name) ? name
            : throw new DynamoDbRequestException($"An expression attribute name used in the document path is not defined; attribute name: {reference}");
    }

    /// <summary>The typed value a <c>:value</c> stands for.</summary>
    public JsonNode Value(string reference)
    {
        usedValues.Add(reference);
        return values.TryGetValue(reference, out JsonNode? value) ? value
            : throw new DynamoDbRequestException($"An expression attribute value used in expression is not defined; attribute value: {reference}");
    }

    /// <summary>Throws DynamoDB's error when a definition was never used (call after parsing every expression).</summary>
    public void CheckAllUsed()
    {
        string[] unusedNames = [.. names.Keys.Where(n => !usedNames.Contains(n))];
        if (unusedNames.Length > 0)
        {
            throw new DynamoDbRequestException($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{string.Join(", ", unusedNames)}}}");
        }

        string[] unusedValues = [.. values.Keys.Where(v => !usedValues.Contains(v))];
        if (unusedValues.Length > 0)
        {
            throw new DynamoDbRequestException($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{string.Join(", ", unusedValues)}}}");
        }
    }
}
