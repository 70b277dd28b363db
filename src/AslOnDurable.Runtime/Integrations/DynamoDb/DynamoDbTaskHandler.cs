using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using Azure;
using Azure.Data.Tables;

namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>
/// DynamoDB on Azure Table Storage: the optimized integration (<c>arn:aws:states:::dynamodb:getItem</c>, <c>putItem</c>,
/// <c>updateItem</c>, <c>deleteItem</c>) and the AWS SDK integration (<c>arn:aws:states:::aws-sdk:dynamodb:</c> the same
/// plus <c>query</c>). Items keep DynamoDB's typed attribute JSON in and out; each table's Azure table and key schema
/// come from <c>storage.tables</c> (<see cref="TableItemCodec"/> shows the entity layout).
/// </summary>
/// <remarks>
/// Condition and update expressions are DynamoDB's (<see cref="ExpressionParser"/>); a conditional write reads the entity
/// and writes it back only if its ETag is unchanged, retrying on a race, so conditions hold as in DynamoDB. The optimized
/// integration's results carry <c>SdkHttpMetadata</c>/<c>SdkResponseMetadata</c>; the SDK integration's do not.
/// Errors: <c>ConditionalCheckFailedException</c>, <c>ResourceNotFoundException</c> (no such Azure table, or the table is
/// not configured), validation errors (<c>DynamoDB.AmazonDynamoDBException</c> / <c>DynamoDb.DynamoDbException</c>).
/// </remarks>
/// <param name="service">The account's table service, or <see langword="null"/> when no storage is configured.</param>
/// <param name="settings">The tables' key schemas.</param>
/// <param name="time">The clock (the <c>Date</c> header).</param>
public sealed partial class DynamoDbTaskHandler(TableServiceClient? service, AzureStorageIntegration? settings, TimeProvider time) : ITaskHandler
{
    /// <summary>The optimized integration's resource prefix (registry key with <c>*</c>).</summary>
    public const string OptimizedPrefix = "arn:aws:states:::dynamodb:";

    /// <summary>The AWS SDK integration's resource prefix (registry key with <c>*</c>).</summary>
    public const string SdkPrefix = "arn:aws:states:::aws-sdk:dynamodb:";

    private const int MaxWriteAttempts = 8;

    private static readonly string[] OptimizedActions = ["getItem", "putItem", "updateItem", "deleteItem"];
    private static readonly string[] SdkActions = ["getItem", "putItem", "updateItem", "deleteItem", "query"];
    private static readonly string[] Ignored = ["ReturnConsumedCapacity", "ReturnItemCollectionMetrics", "ConsistentRead"];

    /// <summary>Why a resource cannot run here (for <c>asl validate</c>), or <see langword="null"/> when it can.</summary>
    /// <param name="configuration">The integrations configuration.</param>
    /// <param name="resource">The Task's resource.</param>
    /// <param name="tableName">The literal <c>TableName</c>, when the definition has one.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public static string? Problem(IntegrationsConfiguration configuration, string resource, string? tableName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(resource);
        bool sdk = resource.StartsWith(SdkPrefix, StringComparison.Ordinal);
        string action = resource[(sdk ? SdkPrefix : OptimizedPrefix).Length..];
        string[] actions = sdk ? SdkActions : OptimizedActions;
        return Array.IndexOf(actions, action) < 0 ? $"the DynamoDB action '{action}' is not supported on Table Storage (supported: {string.Join(", ", actions)})"
            : configuration.Storage is null ? "no storage account is configured: add 'storage' to the integrations configuration"
            : tableName is not null && !configuration.Storage.Tables.ContainsKey(tableName) ? $"the table '{tableName}' is not under storage.tables (its Azure table and key schema)"
            : null;
    }

    /// <inheritdoc/>
    public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        bool sdk = invocation.Resource.StartsWith(SdkPrefix, StringComparison.Ordinal);
        string prefix = sdk ? SdkPrefix : OptimizedPrefix;
        string action = invocation.Resource.StartsWith(prefix, StringComparison.Ordinal) ? invocation.Resource[prefix.Length..] : invocation.Resource;
        string[] actions = sdk ? SdkActions : OptimizedActions;
        if (Array.IndexOf(actions, action) < 0)
        {
            return DynamoDbErrors.Runtime(
                $"The resource '{invocation.Resource}' is not supported: DynamoDB on Table Storage serves {string.Join(", ", actions.Select(a => prefix + a))}"
                + (sdk ? "." : $" (query goes through the AWS SDK integration: {SdkPrefix}query)."));
        }

        DynamoDbErrors errors = new(sdk);
        if (invocation.Input is not JsonObject parameters)
        {
            return DynamoDbErrors.Runtime($"The parameters of dynamodb:{action} must be an object with 'TableName'.");
        }

        if (Unknown(action, parameters) is { } unknown)
        {
            return DynamoDbErrors.Runtime(unknown);
        }

        if (!JsonText.TryString(parameters["TableName"], out string? tableName) || tableName.Length == 0)
        {
            return errors.Service("ValidationException", "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
        }

        if (!IsTableName(tableName))
        {
            return errors.Service("ValidationException", $"1 validation error detected: Value '{tableName}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }

        if (service is null)
        {
            return errors.Client("no storage account is configured for DynamoDB (add 'storage' to the integrations configuration).");
        }

        if (settings?.Tables.TryGetValue(tableName, out DynamoDbTable? table) != true)
        {
            return errors.ResourceNotFound($"the table '{tableName}' is not under storage.tables in the integrations configuration");
        }

        TableClient client = service.GetTableClient(table!.AzureTable);
        CancellationToken cancellationToken = invocation.Clock?.Abandoned ?? CancellationToken.None;
        try
        {
            JsonObject result = action switch
            {
                "getItem" => await GetItemAsync(client, table, parameters, cancellationToken).ConfigureAwait(false),
                "putItem" => await PutItemAsync(client, table, parameters, cancellationToken).ConfigureAwait(false),
                "updateItem" => await UpdateItemAsync(client, table, parameters, cancellationToken).ConfigureAwait(false),
                "deleteItem" => await DeleteItemAsync(client, table, parameters, cancellationToken).ConfigureAwait(false),
                _ => await QueryAsync(client, table, parameters, cancellationToken).ConfigureAwait(false),
            };
            return TaskOutcome.Success(sdk ? result : WithMetadata(result));
        }
        catch (DynamoDbRequestException e)
        {
            return errors.Service(e.ErrorCode, e.Message, e.ErrorCode == "InternalServerError" ? 500 : 400);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "TableNotFound")
        {
            return errors.ResourceNotFound($"the Azure table '{table.AzureTable}' (for '{tableName}') does not exist");
        }
        catch (RequestFailedException e) when (e.Status != 0)
        {
            return errors.Service("InternalServerError", e.Message.Split('\n')[0].Trim(), 500);
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException)
        {
            return errors.Client(e.InnerException?.Message ?? e.Message);
        }
    }

    private static async Task<JsonObject> GetItemAsync(TableClient client, DynamoDbTable table, JsonObject parameters, CancellationToken cancellationToken)
    {
        ExpressionAttributes attributes = new(parameters);
        JsonObject key = Key(parameters);
        ImmutableArray<DocumentPath>? projection = Projection(parameters, attributes);
        attributes.CheckAllUsed();
        var (item, _) = await ReadAsync(client, table, key, cancellationToken).ConfigureAwait(false);
        JsonObject result = [];
        if (item is not null)
        {
            result["Item"] = projection is { } paths ? Project(item, paths) : item;
        }

        return result;
    }

    private static async Task<JsonObject> PutItemAsync(TableClient client, DynamoDbTable table, JsonObject parameters, CancellationToken cancellationToken)
    {
        JsonObject item = AttributeValues.ValidateItem(parameters["Item"], "item");
        ExpressionAttributes attributes = new(parameters);
        Condition? condition = ConditionOf(parameters, attributes);
        string returnValues = ReturnValues(parameters, "NONE", "ALL_OLD");
        attributes.CheckAllUsed();
        TableEntity entity = TableItemCodec.ToEntity(table, item);
        if (condition is null && returnValues == "NONE")
        {
            await client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return [];
        }

        JsonObject? old = await WriteConditionallyAsync(client, table, TableItemCodec.KeyOf(table, item), condition, _ => item, cancellationToken).ConfigureAwait(false);
        return returnValues == "ALL_OLD" && old is not null ? new JsonObject { ["Attributes"] = old } : [];
    }

    private static async Task<JsonObject> DeleteItemAsync(TableClient client, DynamoDbTable table, JsonObject parameters, CancellationToken cancellationToken)
    {
        JsonObject key = Key(parameters);
        ExpressionAttributes attributes = new(parameters);
        Condition? condition = ConditionOf(parameters, attributes);
        string returnValues = ReturnValues(parameters, "NONE", "ALL_OLD");
        attributes.CheckAllUsed();
        TableItemCodec.Keys(table, key, isKey: true);
        JsonObject? old = await WriteConditionallyAsync(client, table, key, condition, _ => null, cancellationToken).ConfigureAwait(false);
        return returnValues == "ALL_OLD" && old is not null ? new JsonObject { ["Attributes"] = old } : [];
    }

    /// <summary>
    /// Reads the item, checks the condition against it (an absent item is empty), and writes what <paramref name="next"/>
    /// makes of it (<see langword="null"/>: delete) only if the entity is unchanged since the read; retries on a race.
    /// </summary>
    /// <returns>The item before the write, or <see langword="null"/> when there was none.</returns>
    private static async Task<JsonObject?> WriteConditionallyAsync(
        TableClient client, DynamoDbTable table, JsonObject key, Condition? condition, Func<JsonObject?, JsonObject?> next, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            var (old, etag) = await ReadAsync(client, table, key, cancellationToken).ConfigureAwait(false);
            if (condition is not null && !condition.IsMet(old ?? []))
            {
                throw new DynamoDbRequestException("ConditionalCheckFailedException", "The conditional request failed");
            }

            JsonObject? updated = next(old?.DeepClone().AsObject());
            var (partition, row) = TableItemCodec.Keys(table, key, isKey: true);
            try
            {
                if (updated is null)
                {
                    if (old is not null)
                    {
                        await client.DeleteEntityAsync(partition, row, etag, cancellationToken).ConfigureAwait(false);
                    }
                }
                else if (old is null)
                {
                    await client.AddEntityAsync(TableItemCodec.ToEntity(table, updated), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await client.UpdateEntityAsync(TableItemCodec.ToEntity(table, updated), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return old;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 or 404 && e.ErrorCode != "TableNotFound" && attempt < MaxWriteAttempts)
            {
                // Another writer changed the entity between our read and write: read again and re-check the condition.
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 or 404 && e.ErrorCode != "TableNotFound")
            {
                throw new DynamoDbRequestException("TransactionConflictException", "Transaction request cannot include multiple operations on one item: the item kept changing while being written");
            }
        }
    }

    private static async Task<(JsonObject? Item, ETag ETag)> ReadAsync(TableClient client, DynamoDbTable table, JsonObject key, CancellationToken cancellationToken)
    {
        var (partition, row) = TableItemCodec.Keys(table, key, isKey: true);
        try
        {
            TableEntity entity = (await client.GetEntityAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return (TableItemCodec.FromEntity(entity), entity.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode != "TableNotFound")
        {
            return (null, default);
        }
    }

    private static JsonObject Key(JsonObject parameters)
    {
        if (parameters["Key"] is not JsonObject key)
        {
            throw new DynamoDbRequestException("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null");
        }

        foreach (var (name, value) in key)
        {
            AttributeValues.Validate(value, name);
        }

        return key;
    }

    private static Condition? ConditionOf(JsonObject parameters, ExpressionAttributes attributes) =>
        JsonText.TryString(parameters["ConditionExpression"], out string? text)
            ? ExpressionParser.ParseCondition(text, "ConditionExpression", attributes)
            : null;

    private static ImmutableArray<DocumentPath>? Projection(JsonObject parameters, ExpressionAttributes attributes) =>
        JsonText.TryString(parameters["ProjectionExpression"], out string? text)
            ? ExpressionParser.ParseProjection(text, attributes)
            : null;

    private static string ReturnValues(JsonObject parameters, params string[] allowed)
    {
        string value = JsonText.TryString(parameters["ReturnValues"], out string? text) ? text : "NONE";
        return Array.IndexOf(allowed, value) >= 0 ? value
            : throw new DynamoDbRequestException($"ReturnValues can only be {string.Join(" or ", allowed)}");
    }

    private static JsonObject Project(JsonObject item, ImmutableArray<DocumentPath> paths)
    {
        JsonObject projected = [];
        foreach (DocumentPath path in paths)
        {
            if (path.Get(item) is not { } value)
            {
                continue;
            }

            JsonObject container = projected;
            for (int i = 0; i < path.Segments.Length - 1; i++)
            {
                string name = path.Segments[i] as string ?? ((int)path.Segments[i]).ToString(CultureInfo.InvariantCulture);
                container = (container[name] as JsonObject)?["M"] as JsonObject ?? (JsonObject)(container[name] = new JsonObject { ["M"] = new JsonObject() })["M"]!;
            }

            object last = path.Segments[^1];
            container[last as string ?? ((int)last).ToString(CultureInfo.InvariantCulture)] = value.DeepClone();
        }

        return projected;
    }

    private static string? Unknown(string action, JsonObject parameters)
    {
        string[] supported = action switch
        {
            "getItem" => ["TableName", "Key", "ProjectionExpression", "ExpressionAttributeNames"],
            "putItem" => ["TableName", "Item", "ConditionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValues"],
            "updateItem" => ["TableName", "Key", "UpdateExpression", "ConditionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValues"],
            "deleteItem" => ["TableName", "Key", "ConditionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValues"],
            _ => ["TableName", "KeyConditionExpression", "FilterExpression", "ProjectionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues",
                  "Limit", "ScanIndexForward", "ExclusiveStartKey", "Select"],
        };
        foreach (var (key, _) in parameters)
        {
            if (Array.IndexOf(supported, key) < 0 && Array.IndexOf(Ignored, key) < 0)
            {
                return $"The field '{key}' is not supported by dynamodb:{action} on Table Storage (supported: {string.Join(", ", supported)}).";
            }
        }

        return null;
    }

    private static bool IsTableName(string name) =>
        name.Length is >= 3 and <= 255 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    private JsonObject WithMetadata(JsonObject result)
    {
        byte[] body = Encoding.UTF8.GetBytes(result.ToJsonString());
        string requestId = Guid.NewGuid().ToString("N").ToUpperInvariant()[..26];
        return AwsResponseMetadata.AddTo(
            result,
            [
                ("Server", "Server"),
                ("Connection", "keep-alive"),
                ("x-amzn-RequestId", requestId),
                ("x-amz-crc32", Crc32.Compute(body).ToString(CultureInfo.InvariantCulture)),
                ("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)),
                ("Date", time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture)),
                ("Content-Type", "application/x-amz-json-1.0"),
            ],
            200,
            requestId);
    }
}
