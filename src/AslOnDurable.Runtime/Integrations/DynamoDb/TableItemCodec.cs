using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using Azure.Data.Tables;

namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>
/// How a DynamoDB item lives in an Azure table entity: <c>PartitionKey</c> is the partition key's value, <c>RowKey</c>
/// the sort key's (empty when the table has none), both as text (numbers in canonical form, binary as Base64) with
/// <c>%</c>, <c>/</c>, <c>\</c>, <c>#</c>, <c>?</c> and control characters percent-encoded (Azure forbids them in keys).
/// The whole item, typed attribute JSON included, is kept in <c>Item</c> (continued in <c>Item1</c>, <c>Item2</c>, … past
/// Azure's 64 KiB per property), so every DynamoDB type round-trips exactly.
/// </summary>
internal static class TableItemCodec
{
    /// <summary>DynamoDB's item size limit.</summary>
    public const int MaxItemBytes = 400 * 1024;

    private const string ItemProperty = "Item";
    private const int ChunkChars = 30_000;
    private const int MaxKeyChars = 1024;

    /// <summary>The entity keys of an item or of a request's <c>Key</c>.</summary>
    /// <param name="table">The table's key schema.</param>
    /// <param name="attributes">The item or key.</param>
    /// <param name="isKey">Whether <paramref name="attributes"/> is a <c>Key</c> (exactly the key attributes) rather than an item.</param>
    /// <returns>The PartitionKey and RowKey.</returns>
    public static (string PartitionKey, string RowKey) Keys(DynamoDbTable table, JsonObject attributes, bool isKey)
    {
        int expected = table.SortKey is null ? 1 : 2;
        if (isKey && attributes.Count != expected)
        {
            throw new DynamoDbRequestException("The provided key element does not match the schema");
        }

        string partition = KeyPart(table.PartitionKey, attributes, isKey);
        string row = table.SortKey is { } sortKey ? KeyPart(sortKey, attributes, isKey) : string.Empty;
        return (partition, row);
    }

    /// <summary>The key attributes of an item, as a DynamoDB <c>Key</c>.</summary>
    public static JsonObject KeyOf(DynamoDbTable table, JsonObject item)
    {
        JsonObject key = new() { [table.PartitionKey] = item[table.PartitionKey]?.DeepClone() };
        if (table.SortKey is { } sortKey)
        {
            key[sortKey] = item[sortKey]?.DeepClone();
        }

        return key;
    }

    /// <summary>The entity for an item.</summary>
    public static TableEntity ToEntity(DynamoDbTable table, JsonObject item)
    {
        var (partition, row) = Keys(table, item, isKey: false);
        string json = item.ToJsonString();
        if (Encoding.UTF8.GetByteCount(json) > MaxItemBytes)
        {
            throw new DynamoDbRequestException("Item size has exceeded the maximum allowed size");
        }

        TableEntity entity = new(partition, row);
        for (int i = 0, chunk = 0; i < json.Length; i += ChunkChars, chunk++)
        {
            entity[chunk == 0 ? ItemProperty : ItemProperty + chunk.ToString(CultureInfo.InvariantCulture)] = json.Substring(i, Math.Min(ChunkChars, json.Length - i));
        }

        if (json.Length == 0)
        {
            entity[ItemProperty] = "{}";
        }

        return entity;
    }

    /// <summary>The item an entity holds.</summary>
    public static JsonObject FromEntity(TableEntity entity)
    {
        StringBuilder json = new(entity.GetString(ItemProperty) ?? "{}");
        for (int chunk = 1; entity.GetString(ItemProperty + chunk.ToString(CultureInfo.InvariantCulture)) is { } more; chunk++)
        {
            json.Append(more);
        }

        return JsonNode.Parse(json.ToString()) as JsonObject
            ?? throw new DynamoDbRequestException("InternalServerError", $"The entity {entity.PartitionKey}/{entity.RowKey} does not hold a DynamoDB item.");
    }

    private static string KeyPart(string name, JsonObject attributes, bool isKey)
    {
        JsonNode? value = attributes[name];
        if (value is null)
        {
            throw new DynamoDbRequestException(isKey
                ? "The provided key element does not match the schema"
                : $"One or more parameter values were invalid: Missing the key {name} in the item");
        }

        if (AttributeValues.TypeOf(value) is not ("S" or "N" or "B"))
        {
            throw new DynamoDbRequestException(isKey
                ? "The provided key element does not match the schema"
                : $"One or more parameter values were invalid: Type mismatch for key {name}");
        }

        string text = AttributeValues.KeyText(value);
        if (text.Length == 0)
        {
            throw new DynamoDbRequestException($"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: {name}");
        }

        string escaped = Escape(text);
        return escaped.Length <= MaxKeyChars ? escaped
            : throw new DynamoDbRequestException($"One or more parameter values were invalid: the key {name} is longer than Azure Table Storage allows ({MaxKeyChars} characters once encoded)");
    }

    /// <summary>A key value as an Azure-safe key.</summary>
    public static string Escape(string text)
    {
        StringBuilder escaped = new(text.Length);
        foreach (char c in text)
        {
            if (c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
