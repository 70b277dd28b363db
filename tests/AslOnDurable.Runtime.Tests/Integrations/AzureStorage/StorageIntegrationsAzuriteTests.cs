using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Tests.Storage;
using AslOnDurable.Testing;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Integrations.AzureStorage;

/// <summary>S3, SQS and DynamoDB definitions run unchanged against Blob, Queue and Table Storage on Azurite, in memory and durably.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class StorageIntegrationsAzuriteTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    private readonly string suffix = Guid.NewGuid().ToString("N")[..10];
    private readonly HttpMessageInvoker client = TaskIntegrations.CreateHttpClient();

    public void Dispose() => client.Dispose();

    private string Bucket => "bucket-" + suffix;

    private string Table => "Orders" + suffix;

    private string Queue => "work-" + suffix;

    private IntegrationsConfiguration Configuration(string encoding = "base64") => new IntegrationsConfigurationReader(_ => null).Read(new JsonObject
    {
        ["storage"] = new JsonObject
        {
            ["connectionString"] = azurite.ConnectionString,
            ["queueMessageEncoding"] = encoding,
            ["queues"] = new JsonObject { ["Work_Queue"] = Queue },
            ["tables"] = new JsonObject
            {
                ["orders-table"] = new JsonObject { ["partitionKey"] = "customer", ["sortKey"] = "orderId", ["azureTable"] = Table },
                ["missing-table"] = new JsonObject { ["partitionKey"] = "id", ["azureTable"] = "Missing" + suffix },
            },
        },
    }.ToJsonString());

    private TaskHandlerRegistry Registry(string encoding = "base64") =>
        TaskIntegrations.Create(Configuration(encoding), InMemoryStateMachineRegistry.Empty, client, TimeProvider.System);

    private static ExecutionResult RunInMemory(string definition, JsonObject input, ITaskHandler tasks) =>
        EngineRun.Run(DefinitionFiles.Read("integrations", definition), input.ToJsonString(), new InMemoryExecutionHost(TimeProvider.System, tasks, new InMemoryHostOptions()));

    [AzuriteFact]
    public async Task S3Objects_InMemory_PutGetCopyListDeleteThenNoSuchKey()
    {
        await new BlobServiceClient(azurite.ConnectionString).CreateBlobContainerAsync(Bucket);

        ExecutionResult result = RunInMemory("s3-objects", new JsonObject { ["bucket"] = Bucket }, Registry());

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonNode output = result.Output!;
        string etag = output["put"]!["ETag"]!.GetValue<string>();
        Assert.Equal("\"" + Md5Hex("""{"id":1,"item":"lamp"}""") + "\"", etag);
        Assert.Equal(etag, output["get"]!["ETag"]!.GetValue<string>());
        Assert.Equal(etag, output["copy"]!["ETag"]!.GetValue<string>());
        Assert.Equal("""{"id":1,"item":"lamp"}""", output["get"]!["order"]!.ToJsonString());
        Assert.Equal("application/json", output["get"]!["ContentType"]!.GetValue<string>());
        Assert.Equal(22, output["get"]!["ContentLength"]!.GetValue<int>());
        Assert.Equal("""{"keys":["archive/1.json","orders/1.json"],"KeyCount":2,"IsTruncated":false}""", output["list"]!.ToJsonString());
        Assert.Equal("{}", output["delete"]!.ToJsonString());
        Assert.Equal("S3.NoSuchKeyException", output["missing"]!["Error"]!.GetValue<string>());
        Assert.StartsWith("The specified key does not exist. (Service: S3, Status Code: 404, Request ID: ", output["missing"]!["Cause"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [AzuriteFact]
    public async Task S3ListObjectsV2_MaxKeysAndDelimiter_PagesWithContinuationTokenAndCommonPrefixes()
    {
        BlobContainerClient container = (await new BlobServiceClient(azurite.ConnectionString).CreateBlobContainerAsync(Bucket)).Value;
        foreach (string name in (string[])["a/1", "a/2", "b/1", "c"])
        {
            await container.UploadBlobAsync(name, BinaryData.FromString("x"));
        }

        ITaskHandler tasks = Registry();
        TaskOutcome first = await Invoke(tasks, "arn:aws:states:::aws-sdk:s3:listObjectsV2", new JsonObject { ["Bucket"] = Bucket, ["MaxKeys"] = 2 });
        TaskOutcome second = await Invoke(tasks, "arn:aws:states:::aws-sdk:s3:listObjectsV2", new JsonObject
        {
            ["Bucket"] = Bucket, ["MaxKeys"] = 2, ["ContinuationToken"] = first.Result!["NextContinuationToken"]!.GetValue<string>(),
        });
        TaskOutcome grouped = await Invoke(tasks, "arn:aws:states:::aws-sdk:s3:listObjectsV2", new JsonObject { ["Bucket"] = Bucket, ["Delimiter"] = "/" });

        Assert.True(first.Result!["IsTruncated"]!.GetValue<bool>());
        Assert.Equal(2, first.Result["KeyCount"]!.GetValue<int>());
        Assert.Equal("""["b/1","c"]""", new JsonArray([.. second.Result!["Contents"]!.AsArray().Select(c => c!["Key"]!.DeepClone())]).ToJsonString());
        Assert.False(second.Result["IsTruncated"]!.GetValue<bool>());
        Assert.Equal("""[{"Prefix":"a/"},{"Prefix":"b/"}]""", grouped.Result!["CommonPrefixes"]!.ToJsonString());
        Assert.Equal("c", grouped.Result["Contents"]![0]!["Key"]!.GetValue<string>());
        Assert.Equal("STANDARD", grouped.Result["Contents"]![0]!["StorageClass"]!.GetValue<string>());
    }

    [AzuriteFact]
    public async Task S3_MissingContainer_NoSuchBucketForEveryAction()
    {
        ITaskHandler tasks = Registry();

        TaskOutcome get = await Invoke(tasks, "arn:aws:states:::aws-sdk:s3:getObject", new JsonObject { ["Bucket"] = Bucket, ["Key"] = "k" });
        TaskOutcome put = await Invoke(tasks, "arn:aws:states:::aws-sdk:s3:putObject", new JsonObject { ["Bucket"] = Bucket, ["Key"] = "k", ["Body"] = "x" });
        TaskOutcome list = await Invoke(tasks, "arn:aws:states:::aws-sdk:s3:listObjectsV2", new JsonObject { ["Bucket"] = Bucket });
        TaskOutcome delete = await Invoke(tasks, "arn:aws:states:::aws-sdk:s3:deleteObject", new JsonObject { ["Bucket"] = Bucket, ["Key"] = "k" });

        Assert.All([get, put, list, delete], o => Assert.Equal("S3.NoSuchBucketException", o.Error!.Error));
    }

    [AzuriteFact]
    public async Task DynamoDbItems_Durable_AwsShapesAndConditionalFailureCaught()
    {
        await new TableServiceClient(azurite.ConnectionString).CreateTableAsync(Table);
        using CancellationTokenSource cts = new(Budget);

        ExecutionResult result = await DurableStateMachineRunner.RunAsync(
            DefinitionFiles.Read("integrations", "dynamodb-items"), new JsonObject { ["table"] = "orders-table" }.ToJsonString(), Registry(),
            new DurableRunOptions { ExecutionName = "ddb-" + suffix }, cts.Token);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonNode output = result.Output!;
        Assert.Equal(200, output["put"]!["status"]!.GetValue<int>());
        Assert.Equal("DynamoDB.ConditionalCheckFailedException", output["duplicate"]!["Error"]!.GetValue<string>());
        Assert.StartsWith("The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException;", output["duplicate"]!["Cause"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("""{"Attributes":{"status":{"S":"SHIPPED"},"total":{"N":"12.5"},"tags":{"SS":["gift"]}}}""", output["update"]!.ToJsonString());
        Assert.Equal(
            """{"Item":{"customer":{"S":"c1"},"orderId":{"N":"2"},"status":{"S":"SHIPPED"},"total":{"N":"12.5"},"tags":{"SS":["gift"]}}}""",
            output["get"]!.ToJsonString());
        Assert.Equal("""{"Count":2,"Items":[{"orderId":{"N":"2"}},{"orderId":{"N":"10"}}],"ScannedCount":2}""", output["query"]!.ToJsonString());
        Assert.Equal("""{"status":"SHIPPED"}""", output["delete"]!.ToJsonString());
    }

    [AzuriteFact]
    public async Task DynamoDb_AzureTableMissing_ResourceNotFound()
    {
        TaskOutcome outcome = await Invoke(Registry(), "arn:aws:states:::dynamodb:putItem", new JsonObject
        {
            ["TableName"] = "missing-table", ["Item"] = new JsonObject { ["id"] = new JsonObject { ["S"] = "1" } },
        });

        Assert.Equal("DynamoDB.ResourceNotFoundException", outcome.Error!.Error);
        Assert.StartsWith("Requested resource not found", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [AzuriteFact]
    public async Task DynamoDbQuery_LimitAndExclusiveStartKey_PagesInSortKeyOrder()
    {
        await new TableServiceClient(azurite.ConnectionString).CreateTableAsync(Table);
        ITaskHandler tasks = Registry();
        foreach (int id in (int[])[9, 10, 100, 2])
        {
            await Invoke(tasks, "arn:aws:states:::aws-sdk:dynamodb:putItem", new JsonObject
            {
                ["TableName"] = "orders-table",
                ["Item"] = new JsonObject { ["customer"] = new JsonObject { ["S"] = "c/1#?" }, ["orderId"] = new JsonObject { ["N"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
            });
        }

        JsonObject Query(JsonNode? start) => new()
        {
            ["TableName"] = "orders-table", ["KeyConditionExpression"] = "customer = :c", ["Limit"] = 3, ["ScanIndexForward"] = false,
            ["ExpressionAttributeValues"] = new JsonObject { [":c"] = new JsonObject { ["S"] = "c/1#?" } }, ["ExclusiveStartKey"] = start,
        };

        TaskOutcome first = await Invoke(tasks, "arn:aws:states:::aws-sdk:dynamodb:query", Query(null));
        TaskOutcome second = await Invoke(tasks, "arn:aws:states:::aws-sdk:dynamodb:query", Query(first.Result!["LastEvaluatedKey"]!.DeepClone()));

        Assert.Equal("""["100","10","9"]""", new JsonArray([.. first.Result["Items"]!.AsArray().Select(i => i!["orderId"]!["N"]!.DeepClone())]).ToJsonString());
        Assert.Equal("""{"customer":{"S":"c/1#?"},"orderId":{"N":"9"}}""", first.Result["LastEvaluatedKey"]!.ToJsonString());
        Assert.Equal("""{"Count":1,"Items":[{"customer":{"S":"c/1#?"},"orderId":{"N":"2"}}],"ScannedCount":1}""", second.Result!.ToJsonString());
    }

    [AzuriteFact]
    public async Task SqsWaitForTaskToken_Durable_TokenTravelsInTheMessageAndSendTaskSuccessCompletesTheState()
    {
        QueueClient queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(Queue);
        await queue.CreateAsync();
        using CancellationTokenSource cts = new(Budget);
        await using DurableSelfHost host = await DurableSelfHost.StartAsync(
            new SelfHostOptions(), DurableTaskCatalog.ForStateMachines(Registry(), new ExecutionPlanCache()), NullLoggerFactory.Instance, cts.Token);

        Task<ExecutionResult> run = DurableStateMachineRunner.RunOnAsync(
            host.Client, DefinitionFiles.Read("integrations", "sqs-callback"),
            new JsonObject { ["queueUrl"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/Work_Queue", ["order"] = 7 },
            new DurableRunOptions { ExecutionName = "sqs-" + suffix }, cts.Token);
        JsonNode first = await NextMessageAsync(queue, cts.Token);
        JsonNode second = await NextMessageAsync(queue, cts.Token);
        await new TaskCallbacks(host.Client).SendTaskSuccessAsync(second["taskToken"]!.GetValue<string>(), """{"packed":true}""", cts.Token);
        ExecutionResult result = await run;

        Assert.Equal("""{"order":7}""", first.ToJsonString());
        Assert.Equal(7, second["order"]!.GetValue<int>());
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(Md5Hex("""{"order":7}"""), result.Output!["sent"]!["MD5OfMessageBody"]!.GetValue<string>());
        Assert.Equal("""{"packed":true}""", result.Output["worker"]!.ToJsonString());
    }

    [AzuriteFact]
    public async Task SqsSendMessage_QueueMissing_QueueDoesNotExist()
    {
        TaskOutcome outcome = await Invoke(Registry("none"), "arn:aws:states:::sqs:sendMessage", new JsonObject { ["QueueUrl"] = "nope-" + suffix, ["MessageBody"] = "x" });

        Assert.Equal("SQS.QueueDoesNotExistException", outcome.Error!.Error);
        Assert.Contains("Error Code: AWS.SimpleQueueService.NonExistentQueue", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [AzuriteFact]
    public async Task SqsSendMessage_EncodingNone_MessageTextIsTheBody()
    {
        QueueClient queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(Queue);
        await queue.CreateAsync();

        TaskOutcome outcome = await Invoke(Registry("none"), "arn:aws:states:::sqs:sendMessage", new JsonObject { ["QueueUrl"] = Queue, ["MessageBody"] = "plain text" });
        QueueMessage[] messages = (await queue.ReceiveMessagesAsync()).Value;

        Assert.Equal(messages.Single().MessageId, outcome.Result!["MessageId"]!.GetValue<string>());
        Assert.Equal("plain text", messages.Single().MessageText);
    }

    [AzuriteFact]
    public async Task Example_StorageIntegrations_RunsOnAzuriteAsTheReadmeSays()
    {
        string examples = Path.GetDirectoryName(Path.GetDirectoryName(DefinitionFiles.PathOf("integrations", "x")))! + "/../../examples/";
        JsonObject file = (JsonObject)JsonNode.Parse(File.ReadAllText(examples + "storage-integrations.integrations.json"))!;
        file["storage"]!["connectionString"] = azurite.ConnectionString;
        IntegrationsConfiguration configuration = new IntegrationsConfigurationReader(_ => null).Read(file.ToJsonString());
        await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("orders").CreateIfNotExistsAsync();
        QueueClient queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient("order-events");
        await queue.CreateIfNotExistsAsync();
        await new TableServiceClient(azurite.ConnectionString).CreateTableIfNotExistsAsync("Orders");
        TaskHandlerRegistry registry = TaskIntegrations.Create(configuration, InMemoryStateMachineRegistry.Empty, client, TimeProvider.System);
        string definition = File.ReadAllText(examples + "storage-integrations.asl.json");
        string input = File.ReadAllText(examples + "storage-integrations.input.json");

        ExecutionResult first = EngineRun.Run(definition, input, new InMemoryExecutionHost(TimeProvider.System, registry, new InMemoryHostOptions()));
        ExecutionResult again = EngineRun.Run(definition, input, new InMemoryExecutionHost(TimeProvider.System, registry, new InMemoryHostOptions()));
        JsonNode message = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String((await queue.ReceiveMessagesAsync()).Value.Single().MessageText)))!;

        Assert.Equal(ExecutionStatus.Succeeded, first.Status);
        Assert.Equal(
            """{"customerId":{"S":"c-42"},"orderId":{"N":"1001"},"status":{"S":"QUEUED"},"total":{"N":"59.9"},"attempts":{"N":"1"}}""",
            first.Output!["record"]!["item"]!.ToJsonString());
        Assert.Equal(first.Output["document"]!["ETag"]!.GetValue<string>(), message["document"]!.GetValue<string>());
        Assert.Equal(ExecutionStatus.Succeeded, again.Status);
        Assert.Equal("order already recorded", again.Output!["note"]!.GetValue<string>());
    }

    private static async Task<JsonNode> NextMessageAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        while (true)
        {
            QueueMessage[] messages = (await queue.ReceiveMessagesAsync(1, cancellationToken: cancellationToken)).Value;
            if (messages.Length == 1)
            {
                await queue.DeleteMessageAsync(messages[0].MessageId, messages[0].PopReceipt, cancellationToken);
                return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(messages[0].MessageText)))!;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>One Task call, bounded: a stalled Azurite fails the test after <see cref="Budget"/> instead of hanging it.</summary>
    private static Task<TaskOutcome> Invoke(ITaskHandler tasks, string resource, JsonObject parameters) =>
        tasks.InvokeAsync(new TaskInvocation { StateName = "S", Resource = resource, Input = parameters, ExecutionId = "e" }).AsTask().WaitAsync(Budget);

#pragma warning disable CA5351 // The expected S3 ETag and SQS MD5OfMessageBody are MD5 digests.
    private static string Md5Hex(string text) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
