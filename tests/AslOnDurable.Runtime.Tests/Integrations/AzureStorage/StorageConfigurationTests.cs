using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.AzureStorage;

namespace AslOnDurable.Runtime.Tests.Integrations.AzureStorage;

/// <summary>The <c>storage</c> section of the integrations configuration: read, mapped and checked at start.</summary>
public sealed class StorageConfigurationTests
{
    private static IntegrationsConfiguration Read(string json) =>
        new IntegrationsConfigurationReader(name => name == "STORAGE" ? "UseDevelopmentStorage=true" : null).Read(json);

    [Fact]
    public void Read_FullSection_MappingsAndKeySchemas()
    {
        IntegrationsConfiguration configuration = Read("""
            {"storage": {"connectionString": {"env": "STORAGE"}, "queueMessageEncoding": "none",
              "buckets": {"my.bucket": "my-bucket"}, "queues": {"Orders.fifo": "orders"},
              "tables": {"Orders": {"partitionKey": "customer", "sortKey": "orderId"}, "order-lines": {"partitionKey": "id", "azureTable": "OrderLines"}}}}
            """);

        AzureStorageIntegration storage = configuration.Storage!;
        Assert.Equal("UseDevelopmentStorage=true", storage.ConnectionString!.Reveal());
        Assert.False(storage.Base64QueueMessages);
        Assert.Equal("my-bucket", storage.Buckets["my.bucket"]);
        Assert.Equal("orders", storage.Queues["Orders.fifo"]);
        Assert.Equal(new DynamoDbTable("Orders", "customer", "orderId"), storage.Tables["Orders"]);
        Assert.Equal(new DynamoDbTable("OrderLines", "id", null), storage.Tables["order-lines"]);
    }

    [Fact]
    public void Read_Azurite_DevelopmentStorageAndBase64Messages()
    {
        AzureStorageIntegration storage = Read("""{"storage": {"connectionString": "azurite"}}""").Storage!;

        Assert.Equal("UseDevelopmentStorage=true", storage.ConnectionString!.Reveal());
        Assert.True(storage.Base64QueueMessages);
    }

    [Fact]
    public void Read_EveryProblem_ReportedWithItsPointerAndNoSecret()
    {
        IntegrationsConfigurationException e = Assert.Throws<IntegrationsConfigurationException>(() => Read("""
            {"storage": {"connectionString": "AccountKey=s3cr3t;nonsense", "queueMessageEncoding": "gzip",
              "buckets": {"b": "Bad_Name"}, "queues": {"q": 1},
              "tables": {"order-lines": {"partitionKey": "id"}, "T1x": {"sortKey": ""}, "Good": {"partitionKey": "id", "extra": 1}}, "other": 1}}
            """));

        Assert.Equal(
            [
                "/storage/connectionString: not a valid storage connection string (expected AccountName=…;AccountKey=…, explicit endpoints, or \"azurite\").",
                "/storage/queueMessageEncoding: must be \"base64\" (what Azure Functions queue triggers read) or \"none\".",
                "/storage/buckets/b: must be a valid Azure container name (3-63 lower-case letters, digits and single hyphens).",
                "/storage/queues/q: must be a valid Azure queue name (3-63 lower-case letters, digits and single hyphens).",
                "/storage/tables/order-lines: 'order-lines' is not a valid Azure table name (3-63 letters and digits, starting with a letter): add \"azureTable\" with the Azure table to use.",
                "/storage/tables/T1x/partitionKey: a non-empty string is required.",
                "/storage/tables/T1x/sortKey: must be a non-empty attribute name.",
                "/storage/tables/Good/extra: unknown field (expected partitionKey, sortKey, azureTable).",
                "/storage/other: unknown field (expected connectionString or accountName/blobServiceUri/queueServiceUri/tableServiceUri with managedIdentity, queueMessageEncoding, buckets, queues, tables).",
            ],
            e.Problems);
        Assert.DoesNotContain("s3cr3t", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"storage": {}}""", "/storage: set 'connectionString'")]
    [InlineData("""{"storage": {"connectionString": {"env": "UNSET"}}}""", "'UNSET' is not set")]
    [InlineData("""{"storage": "azurite"}""", "/storage: must be an object")]
    public void Read_MissingConnection_Throws(string json, string problem)
    {
        IntegrationsConfigurationException e = Assert.Throws<IntegrationsConfigurationException>(() => Read(json));

        Assert.Contains(e.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }
}
