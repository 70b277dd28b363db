using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Durable;
using AslOnDurable.Runtime.Tests.Storage;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Xunit.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// Large values on DurableTask.AzureStorage against Azurite: queue messages and history properties over the provider's
/// limits travel as gzipped blobs in the task hub's <c>&lt;hub&gt;-largemessages</c> container, and history rows keep
/// only the blob's name, while the execution's result stays exact.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageLargeMessageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string TaskHub = "largehub";
    private const int ItemCount = 2400; // ~196 KB of JSON: over every provider limit, under the 256 KiB payload quota
    private const int MaxInlineProperty = 32 * 1024;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [AzuriteFact]
    public async Task RunOn_TaskEchoingA200KilobyteValue_OutputExactWhileMessagesAndHistoryTravelAsBlobs()
    {
        using CancellationTokenSource cts = new(Budget);
        await using DurableSelfHost host = await AzuriteSelfHosts.StartAsync(azurite, TaskHub, cts.Token);
        const string instanceId = "large-echo";
        JsonArray items = [];
        for (int i = 0; i < ItemCount; i++)
        {
            items.Add(new JsonObject { ["i"] = i, ["h"] = Hash(i) });
        }

        JsonObject input = new() { ["items"] = items };
        JsonObject expected = new() { ["items"] = items.DeepClone(), ["count"] = ItemCount };
        int inputBytes = Encoding.UTF8.GetByteCount(input.ToJsonString());
        Assert.InRange(inputBytes, 190_000, ExecutionOptions.DefaultMaxPayloadBytes - 20_000);

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            host.Client, DurableFixtures.Definition("large-echo"), input, new DurableRunOptions { ExecutionName = instanceId }, cts.Token);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(expected.ToJsonString(), result.Output!.ToJsonString());

        // The provider names the container after the task hub and each blob after the instance, the kind (queue message
        // or history property), the event type and, for history, the property.
        BlobContainerClient container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(TaskHub + "-largemessages");
        Dictionary<string, long> blobs = [];
        await foreach (BlobItem blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, instanceId + "/", cts.Token))
        {
            blobs.Add(blob.Name, blob.Properties.ContentLength ?? 0);
        }

        output.WriteLine($"input {inputBytes} bytes; {container.Name}: {string.Join(", ", blobs.Select(b => $"{b.Key} ({b.Value} bytes)"))}");
        foreach (string messageType in (string[])["ExecutionStarted", "TaskScheduled", "TaskCompleted"])
        {
            Assert.Single(blobs.Keys, name => name.StartsWith(instanceId + "/message-", StringComparison.Ordinal) && name.EndsWith("-" + messageType + ".json.gz", StringComparison.Ordinal));
        }

        // History rows keep the property empty and name the blob instead; every blob named is there.
        TableClient history = new TableServiceClient(azurite.ConnectionString).GetTableClient(TaskHub + "History");
        Dictionary<string, string> blobByEvent = [];
        await foreach (TableEntity row in history.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, cancellationToken: cts.Token))
        {
            Assert.All(row.Select(property => property.Value).OfType<string>(), value => Assert.True(value.Length < MaxInlineProperty, $"{row.RowKey} holds {value.Length} characters inline"));
            foreach (string property in (string[])["Input", "Result"])
            {
                if (row.GetString(property + "BlobName") is { } blobName)
                {
                    Assert.Equal(string.Empty, row.GetString(property));
                    Assert.Contains(blobName, blobs.Keys);
                    blobByEvent.Add($"{row.GetString("EventType")}.{property}", blobName);
                }
            }
        }

        Assert.Equal(["ExecutionCompleted.Result", "ExecutionStarted.Input", "TaskCompleted.Result"], blobByEvent.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(6, blobs.Count);

        // The activity's result blob holds the whole value (gzipped).
        string taskResult = await GunzipAsync(container.GetBlobClient(blobByEvent["TaskCompleted.Result"]), cts.Token);
        Assert.Contains(Hash(ItemCount - 1), taskResult, StringComparison.Ordinal);
        Assert.True(taskResult.Length >= inputBytes, $"the result blob holds {taskResult.Length} characters");
    }

    private static string Hash(int i) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"item {i}")));

    private static async Task<string> GunzipAsync(BlobClient blob, CancellationToken ct)
    {
        await using Stream compressed = await blob.OpenReadAsync(cancellationToken: ct);
        await using GZipStream gzip = new(compressed, CompressionMode.Decompress);
        using StreamReader reader = new(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }
}
