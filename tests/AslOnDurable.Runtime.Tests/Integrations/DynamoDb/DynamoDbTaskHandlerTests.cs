using System.Collections.Frozen;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using AslOnDurable.Runtime.Integrations.Connections;
using AslOnDurable.Runtime.Integrations.DynamoDb;
using Azure;
using Azure.Data.Tables;
using Moq;

namespace AslOnDurable.Runtime.Tests.Integrations.DynamoDb;

/// <summary>DynamoDB actions over a mocked Table Storage client: AWS's result shapes, errors and conditional writes.</summary>
public sealed class DynamoDbTaskHandlerTests
{
    private static readonly AzureStorageIntegration Settings = new()
    {
        ConnectionString = new Secret("UseDevelopmentStorage=true"),
        Tables = new Dictionary<string, DynamoDbTable> { ["table-name"] = new("TableName", "id", null) }.ToFrozenDictionary(StringComparer.Ordinal),
    };

    private readonly Mock<TableServiceClient> service = new();
    private readonly Mock<TableClient> table = new();

    public DynamoDbTaskHandlerTests() => service.Setup(s => s.GetTableClient("TableName")).Returns(table.Object);

    private ValueTask<TaskOutcome> Invoke(string resource, string parameters) =>
        new DynamoDbTaskHandler(service.Object, Settings, TimeProvider.System).InvokeAsync(
            new TaskInvocation { StateName = "S", Resource = resource, Input = JsonNode.Parse(parameters), ExecutionId = "e" });

    private void Stored(string item)
    {
        TableEntity entity = new(TableItemCodec.Escape(JsonNode.Parse(item)!["id"]!["S"]!.GetValue<string>()), string.Empty) { ["Item"] = item, ETag = new ETag("W/\"1\"") };
        table.Setup(t => t.GetEntityAsync<TableEntity>(entity.PartitionKey, string.Empty, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(entity, Mock.Of<Response>()));
    }

    [Fact]
    public async Task GetItem_Optimized_ItemWithSdkMetadataAsAws()
    {
        Stored("""{"data":{"S":"HelloWorld"},"id":{"S":"id1"}}""");

        TaskOutcome outcome = await Invoke("arn:aws:states:::dynamodb:getItem", """{"TableName":"table-name","Key":{"id":{"S":"id1"}}}""");

        JsonNode result = outcome.Result!;
        Assert.Equal("""{"data":{"S":"HelloWorld"},"id":{"S":"id1"}}""", result["Item"]!.ToJsonString());
        Assert.Equal(["Item", "SdkHttpMetadata", "SdkResponseMetadata"], result.AsObject().Select(p => p.Key));
        JsonNode headers = result["SdkHttpMetadata"]!["HttpHeaders"]!;
        Assert.Equal(Encoding.UTF8.GetByteCount("""{"Item":{"data":{"S":"HelloWorld"},"id":{"S":"id1"}}}""").ToString(System.Globalization.CultureInfo.InvariantCulture), headers["Content-Length"]!.GetValue<string>());
        Assert.Equal("application/x-amz-json-1.0", headers["Content-Type"]!.GetValue<string>());
        Assert.Equal(200, result["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetItem_SdkIntegrationMissingItem_EmptyResultWithoutMetadata()
    {
        table.Setup(t => t.GetEntityAsync<TableEntity>("id2", string.Empty, null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "not found", "ResourceNotFound", null));

        TaskOutcome outcome = await Invoke("arn:aws:states:::aws-sdk:dynamodb:getItem", """{"TableName":"table-name","Key":{"id":{"S":"id2"}}}""");

        Assert.Equal("{}", outcome.Result!.ToJsonString());
    }

    [Theory]
    [InlineData("arn:aws:states:::dynamodb:putItem", "DynamoDB.ResourceNotFoundException", "Requested resource not found: the Azure table 'TableName' (for 'table-name') does not exist (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ResourceNotFoundException; Request ID: ")]
    [InlineData("arn:aws:states:::aws-sdk:dynamodb:putItem", "DynamoDb.ResourceNotFoundException", "Requested resource not found: the Azure table 'TableName' (for 'table-name') does not exist (Service: DynamoDb, Status Code: 400, Request ID: ")]
    public async Task PutItem_AzureTableMissing_ResourceNotFoundInTheIntegrationsForm(string resource, string error, string causeStart)
    {
        table.Setup(t => t.UpsertEntityAsync(It.IsAny<TableEntity>(), TableUpdateMode.Replace, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "no table", "TableNotFound", null));

        TaskOutcome outcome = await Invoke(resource, """{"TableName":"table-name","Item":{"id":{"S":"id1"}}}""");

        Assert.Equal(error, outcome.Error!.Error);
        Assert.StartsWith(causeStart, outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:states:::dynamodb:putItem", """{"TableName":"/table","Item":{}}""", "DynamoDB.AmazonDynamoDBException",
        "1 validation error detected: Value '/table' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ValidationException;")]
    [InlineData("arn:aws:states:::dynamodb:putItem", """{"TableName":"table-name","Item":null}""", "DynamoDB.AmazonDynamoDBException",
        "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null (Service: AmazonDynamoDBv2;")]
    [InlineData("arn:aws:states:::aws-sdk:dynamodb:putItem", """{"TableName":"table-name","Item":null}""", "DynamoDb.DynamoDbException",
        "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null (Service: DynamoDb, Status Code: 400,")]
    [InlineData("arn:aws:states:::dynamodb:putItem", """{"TableName":"table-name","Item":{"other":{"S":"x"}}}""", "DynamoDB.AmazonDynamoDBException",
        "One or more parameter values were invalid: Missing the key id in the item")]
    [InlineData("arn:aws:states:::dynamodb:getItem", """{"TableName":"table-name","Key":{"id":{"S":"1"},"extra":{"S":"x"}}}""", "DynamoDB.AmazonDynamoDBException",
        "The provided key element does not match the schema")]
    [InlineData("arn:aws:states:::dynamodb:updateItem", """{"TableName":"table-name","Key":{"id":{"S":"1"}},"UpdateExpression":"SET id = :v","ExpressionAttributeValues":{":v":{"S":"2"}}}""", "DynamoDB.AmazonDynamoDBException",
        "Cannot update attribute id. This attribute is part of the key")]
    [InlineData("arn:aws:states:::dynamodb:getItem", """{"TableName":"unknown","Key":{"id":{"S":"1"}}}""", "DynamoDB.ResourceNotFoundException",
        "Requested resource not found: the table 'unknown' is not under storage.tables")]
    [InlineData("arn:aws:states:::dynamodb:query", """{"TableName":"table-name"}""", "States.Runtime", "aws-sdk:dynamodb:query")]
    [InlineData("arn:aws:states:::dynamodb:getItem", """{"TableName":"table-name","Key":{"id":{"S":"1"}},"AttributesToGet":["a"]}""", "States.Runtime", "'AttributesToGet'")]
    public async Task Invoke_BadRequest_AwsErrorAndNoTableCall(string resource, string parameters, string error, string causePart)
    {
        TaskOutcome outcome = await Invoke(resource, parameters);

        Assert.Equal(error, outcome.Error!.Error);
        Assert.Contains(causePart, outcome.Error.Cause, StringComparison.Ordinal);
        table.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task PutItem_ConditionAndRacingWriter_RereadsAndFailsTheCondition()
    {
        int reads = 0;
        TableEntity racing = new("id1", string.Empty) { ["Item"] = """{"id":{"S":"id1"}}""", ETag = new ETag("W/\"2\"") };
        table.Setup(t => t.GetEntityAsync<TableEntity>("id1", string.Empty, null, It.IsAny<CancellationToken>()))
            .Returns(() => ++reads == 1
                ? Task.FromException<Response<TableEntity>>(new RequestFailedException(404, "none", "ResourceNotFound", null))
                : Task.FromResult(Response.FromValue(racing, Mock.Of<Response>())));
        table.Setup(t => t.AddEntityAsync(It.IsAny<TableEntity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(409, "exists", "EntityAlreadyExists", null));

        TaskOutcome outcome = await Invoke(
            "arn:aws:states:::dynamodb:putItem", """{"TableName":"table-name","Item":{"id":{"S":"id1"}},"ConditionExpression":"attribute_not_exists(id)"}""");

        Assert.Equal("DynamoDB.ConditionalCheckFailedException", outcome.Error!.Error);
        Assert.StartsWith("The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException;", outcome.Error.Cause, StringComparison.Ordinal);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task UpdateItem_ExistingItem_ReplacesOnlyIfUnchangedAndReturnsUpdatedNew()
    {
        Stored("""{"id":{"S":"id1"},"data":{"S":"HelloWorld"}}""");
        TableEntity? written = null;
        ETag? condition = null;
        table.Setup(t => t.UpdateEntityAsync(It.IsAny<TableEntity>(), It.IsAny<ETag>(), TableUpdateMode.Replace, It.IsAny<CancellationToken>()))
            .Callback((ITableEntity e, ETag etag, TableUpdateMode _, CancellationToken _) => (written, condition) = ((TableEntity)e, etag))
            .ReturnsAsync(Mock.Of<Response>());

        TaskOutcome outcome = await Invoke("arn:aws:states:::dynamodb:updateItem", """
            {"TableName":"table-name","Key":{"id":{"S":"id1"}},"UpdateExpression":"set S=:r","ExpressionAttributeValues":{":r":{"S":"HelloWorldUpdated"}},"ReturnValues":"UPDATED_NEW"}
            """);

        Assert.Equal("""{"S":{"S":"HelloWorldUpdated"}}""", outcome.Result!["Attributes"]!.ToJsonString());
        Assert.Equal(new ETag("W/\"1\""), condition);
        Assert.Equal("""{"id":{"S":"id1"},"data":{"S":"HelloWorld"},"S":{"S":"HelloWorldUpdated"}}""", written!.GetString("Item"));
    }

    [Theory]
    [InlineData("arn:aws:states:::dynamodb:getItem", """{"TableName":"table-name"}""", null)]
    [InlineData("arn:aws:states:::dynamodb:getItem", """{"TableName":"other"}""", "not under storage.tables")]
    [InlineData("arn:aws:states:::dynamodb:scan", """{}""", "not supported")]
    [InlineData("arn:aws:states:::aws-sdk:dynamodb:query", """{"TableName.$":"$.t"}""", null)]
    public void Problem_ForValidate_NamesWhatIsMissing(string resource, string parameters, string? expected)
    {
        string? problem = DynamoDbTaskHandler.Problem(
            new IntegrationsConfiguration { Storage = Settings }, resource, JsonNode.Parse(parameters)!["TableName"]?.GetValue<string>());

        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("a/b#c?d\\e%f", "a%2Fb%23c%3Fd%5Ce%25f")]
    [InlineData("tab\there", "tab%09here")]
    public void Escape_ForbiddenKeyCharacters_PercentEncoded(string text, string expected)
    {
        Assert.Equal(expected, TableItemCodec.Escape(text));
    }

    [Fact]
    public void Codec_LargeItem_SplitAcrossPropertiesAndReadBack()
    {
        DynamoDbTable schema = new("T", "id", "n");
        JsonObject item = new() { ["id"] = new JsonObject { ["S"] = "x" }, ["n"] = new JsonObject { ["N"] = "1.50" }, ["blob"] = new JsonObject { ["S"] = new string('z', 70_000) } };

        TableEntity entity = TableItemCodec.ToEntity(schema, item);

        Assert.Equal(("x", "1.5"), (entity.PartitionKey, entity.RowKey));
        Assert.NotNull(entity.GetString("Item2"));
        Assert.Equal(item.ToJsonString(), TableItemCodec.FromEntity(entity).ToJsonString());
    }
}
