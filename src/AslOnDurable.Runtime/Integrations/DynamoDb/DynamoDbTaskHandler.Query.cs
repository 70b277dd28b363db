using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using Azure.Data.Tables;

namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>
/// <c>query</c>: the key condition selects one partition (an Azure partition query) and optionally a sort key range;
/// items come back in sort key order (numbers by value), <c>Limit</c> counts items read before <c>FilterExpression</c>,
/// and <c>LastEvaluatedKey</c>/<c>ExclusiveStartKey</c> page as in DynamoDB.
/// </summary>
public sealed partial class DynamoDbTaskHandler
{
    private static async Task<JsonObject> QueryAsync(TableClient client, DynamoDbTable table, JsonObject parameters, CancellationToken cancellationToken)
    {
        ExpressionAttributes attributes = new(parameters);
        if (!JsonText.TryString(parameters["KeyConditionExpression"], out string? keyText))
        {
            throw new DynamoDbRequestException("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }

        Condition keyCondition = ExpressionParser.ParseCondition(keyText, "KeyConditionExpression", attributes);
        Condition? filter = JsonText.TryString(parameters["FilterExpression"], out string? filterText)
            ? ExpressionParser.ParseCondition(filterText, "FilterExpression", attributes)
            : null;
        ImmutableArray<DocumentPath>? projection = Projection(parameters, attributes);
        attributes.CheckAllUsed();
        JsonNode partitionValue = PartitionValue(table, keyCondition);
        int? limit = parameters["Limit"] is JsonValue l && l.TryGetValue(out int n) ? (n > 0 ? n : throw new DynamoDbRequestException("1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1")) : null;
        bool forward = parameters["ScanIndexForward"]?.GetValueKind() != JsonValueKind.False;
        string select = JsonText.TryString(parameters["Select"], out string? s) ? s : "ALL_ATTRIBUTES";
        if (select is not ("ALL_ATTRIBUTES" or "COUNT" or "SPECIFIC_ATTRIBUTES"))
        {
            throw new DynamoDbRequestException($"Select '{select}' is not supported on Table Storage (ALL_ATTRIBUTES, SPECIFIC_ATTRIBUTES, COUNT)");
        }

        string partition = TableItemCodec.Escape(AttributeValues.KeyText(partitionValue));
        List<JsonObject> items = [];
        await foreach (TableEntity entity in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            JsonObject item = TableItemCodec.FromEntity(entity);
            if (keyCondition.IsMet(item))
            {
                items.Add(item);
            }
        }

        if (table.SortKey is { } sortKey)
        {
            items.Sort((a, b) => AttributeValues.Compare(a[sortKey], b[sortKey]) ?? 0);
        }

        if (!forward)
        {
            items.Reverse();
        }

        if (parameters["ExclusiveStartKey"] is JsonObject start)
        {
            var startKeys = TableItemCodec.Keys(table, start, isKey: true);
            int at = items.FindIndex(i => TableItemCodec.Keys(table, i, isKey: false) == startKeys);
            items = at >= 0 ? items[(at + 1)..] : [.. items.Where(i => After(table, start, i, forward))];
        }

        List<JsonObject> scanned = limit is { } max && items.Count > max ? items[..max] : items;
        JsonObject result = [];
        JsonArray found = [];
        foreach (JsonObject item in scanned)
        {
            if (filter is null || filter.IsMet(item))
            {
                found.Add(projection is { } paths ? Project(item, paths) : item.DeepClone());
            }
        }

        result["Count"] = found.Count;
        if (select != "COUNT")
        {
            result["Items"] = found;
        }

        if (scanned.Count < items.Count)
        {
            result["LastEvaluatedKey"] = TableItemCodec.KeyOf(table, scanned[^1]);
        }

        result["ScannedCount"] = scanned.Count;
        return result;
    }

    private static JsonNode PartitionValue(DynamoDbTable table, Condition keyCondition)
    {
        List<Condition> parts = [];
        Flatten(keyCondition, parts);
        JsonNode? partitionValue = null;
        foreach (Condition part in parts)
        {
            switch (part)
            {
                case Condition.Comparison { Left: Operand.PathOperand { Path.Segments.Length: 1 } path, Operator: "=", Right: Operand.ValueOperand value }
                    when path.Path.Attribute == table.PartitionKey && partitionValue is null:
                    partitionValue = value.Value;
                    break;
                case Condition.Comparison { Left: Operand.PathOperand { Path.Segments.Length: 1 } path, Operator: not "<>", Right: Operand.ValueOperand }
                    when path.Path.Attribute == table.SortKey:
                case Condition.Between { Value: Operand.PathOperand { Path.Segments.Length: 1 } between, Low: Operand.ValueOperand, High: Operand.ValueOperand }
                    when between.Path.Attribute == table.SortKey:
                case Condition.Function { Name: "begins_with", Subject: Operand.PathOperand { Path.Segments.Length: 1 } prefix, Argument: Operand.ValueOperand }
                    when prefix.Path.Attribute == table.SortKey:
                    break;
                default:
                    throw new DynamoDbRequestException("Query key condition not supported");
            }
        }

        if (partitionValue is null)
        {
            throw new DynamoDbRequestException($"Query condition missed key schema element: {table.PartitionKey}");
        }

        if (AttributeValues.TypeOf(partitionValue) is not ("S" or "N" or "B"))
        {
            throw new DynamoDbRequestException("One or more parameter values were invalid: Condition parameter type does not match schema type");
        }

        if (parts.Count > (table.SortKey is null ? 1 : 2))
        {
            throw new DynamoDbRequestException("Conditions can be of length 1 or 2 only");
        }

        return partitionValue;
    }

    private static void Flatten(Condition condition, List<Condition> parts)
    {
        if (condition is Condition.And and)
        {
            Flatten(and.Left, parts);
            Flatten(and.Right, parts);
        }
        else
        {
            parts.Add(condition);
        }
    }

    private static bool After(DynamoDbTable table, JsonObject start, JsonObject item, bool forward) =>
        table.SortKey is { } sortKey && AttributeValues.Compare(item[sortKey], start[sortKey]) is { } order && (forward ? order > 0 : order < 0);
}
