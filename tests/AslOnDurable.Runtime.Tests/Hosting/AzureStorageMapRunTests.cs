using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Storage;
using AslOnDurable.Runtime.Tests.Durable;
using AslOnDurable.Runtime.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// Distributed Map runs with items in Blob Storage on Azurite (<see cref="AzureBlobItemStore"/>), on the Azure Storage
/// durable backend: EXPRESS chunks with a ResultWriter, and STANDARD children.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageMapRunTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);

    [AzuriteFact]
    public async Task MapRuns_ItemsInBlobStorage_ExpressWritesResultFiles_StandardReturnsOutputs()
    {
        using CancellationTokenSource cts = new(Budget);
        var store = new AzureBlobItemStore(azurite.ConnectionString);
        var container = "d" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12];
        await store.WriteAsync("data", container + ".jsonl", Encoding.UTF8.GetBytes("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n{\"n\":4}\n{\"n\":5}\n"), cts.Token);
        await store.WriteAsync("data", "items.json", "[{\"n\":1},{\"n\":2},{\"n\":3}]"u8.ToArray(), cts.Token);
        await using DurableSelfHost host = await DurableSelfHost.StartAsync(
            AzuriteSelfHosts.Options(azurite, "maprunhub"),
            DurableTaskCatalog.ForStateMachines(new TestTaskHandler(), new ExecutionPlanCache(), itemStore: store),
            NullLoggerFactory.Instance,
            cts.Token);

        var express = await DurableStateMachineRunner.RunOnAsync(
            host.Client, DurableMapRunTests.Definition("express-writer"), JsonNode.Parse($$"""{"key":"{{container}}.jsonl","tag":"z"}"""),
            new DurableRunOptions { StateMachineName = "express-writer", ExecutionName = "express-" + container, MapRunChunkSize = 2 }, cts.Token);
        var standard = await DurableStateMachineRunner.RunOnAsync(
            host.Client, DurableMapRunTests.Definition("standard-output"), JsonNode.Parse("{}"),
            new DurableRunOptions { StateMachineName = "standard-output", ExecutionName = "standard-" + container, MapRunChunkSize = 2 }, cts.Token);

        Assert.Equal(ExecutionStatus.Succeeded, express.Status);
        var manifestKey = express.Output!["ResultWriterDetails"]!["Key"]!.GetValue<string>();
        var manifest = await ReadAsync(store, "results", manifestKey, cts.Token);
        var files = manifest["ResultFiles"]!["SUCCEEDED"]!.AsArray();
        Assert.Equal(3, files.Count);
        var totals = new List<int>();
        foreach (var file in files)
        {
            var entries = await ReadAsync(store, "results", file!["Key"]!.GetValue<string>(), cts.Token);
            totals.AddRange(entries.AsArray().Select(e => e!["double"]!.GetValue<int>()));
        }

        Assert.Equal([2, 4, 6, 8, 10], totals);
        Assert.Equal(ExecutionStatus.Succeeded, standard.Status);
        Assert.Equal([1, 2, 3], standard.Output!["results"]!.AsArray().Select(r => r!["n"]!.GetValue<int>()));
    }

    private static async Task<JsonNode> ReadAsync(IItemStore store, string container, string name, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(container, name, cancellationToken) ?? throw new InvalidOperationException($"{container}/{name} is missing");
        return (await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken))!;
    }
}
