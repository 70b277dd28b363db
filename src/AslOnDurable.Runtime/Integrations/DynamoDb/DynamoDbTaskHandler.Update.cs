using System.Collections.Immutable;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using Azure.Data.Tables;

namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary><c>updateItem</c>: creates the item when absent, applies the update expression to the item as it was.</summary>
public sealed partial class DynamoDbTaskHandler
{
    private static async Task<JsonObject> UpdateItemAsync(TableClient client, DynamoDbTable table, JsonObject parameters, CancellationToken cancellationToken)
    {
        JsonObject key = Key(parameters);
        TableItemCodec.Keys(table, key, isKey: true);
        ExpressionAttributes attributes = new(parameters);
        ImmutableArray<UpdateAction> actions = JsonText.TryString(parameters["UpdateExpression"], out string? text)
            ? ExpressionParser.ParseUpdate(text, attributes)
            : [];
        Condition? condition = ConditionOf(parameters, attributes);
        string returnValues = ReturnValues(parameters, "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
        attributes.CheckAllUsed();
        foreach (UpdateAction action in actions)
        {
            if (action.Path.Attribute == table.PartitionKey || action.Path.Attribute == table.SortKey)
            {
                throw new DynamoDbRequestException($"One or more parameter values were invalid: Cannot update attribute {action.Path.Attribute}. This attribute is part of the key");
            }
        }

        JsonObject? updated = null;
        JsonObject? old = await WriteConditionallyAsync(
            client,
            table,
            key,
            condition,
            before =>
            {
                JsonObject start = before ?? (JsonObject)key.DeepClone();
                Action<JsonObject>[] effects = [.. actions.Select(a => a.Plan(start))];
                JsonObject item = (JsonObject)start.DeepClone();
                foreach (Action<JsonObject> effect in effects)
                {
                    effect(item);
                }

                return updated = item;
            },
            cancellationToken).ConfigureAwait(false);

        HashSet<string> touched = [.. actions.Select(a => a.Path.Attribute)];
        JsonObject? attributesOut = returnValues switch
        {
            "ALL_OLD" => old,
            "ALL_NEW" => updated,
            "UPDATED_OLD" => Only(old, touched),
            "UPDATED_NEW" => Only(updated, touched),
            _ => null,
        };
        return attributesOut is { Count: > 0 } ? new JsonObject { ["Attributes"] = attributesOut.DeepClone() } : [];
    }

    private static JsonObject? Only(JsonObject? item, HashSet<string> names)
    {
        if (item is null)
        {
            return null;
        }

        JsonObject only = [];
        foreach (var (name, value) in item)
        {
            if (names.Contains(name))
            {
                only[name] = value?.DeepClone();
            }
        }

        return only;
    }
}
