using System.Globalization;
using System.Text.Json;
using AslOnDurable.Runtime.Integrations.DynamoDb;
using Azure.Data.Tables;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Api.Registry.AzureStorage;
using AslOnDurable.Runtime.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Api.Registry;

/// <summary>The store contract on Table/Blob Storage (Azurite): two hosts are two sets of stores on one task hub's tables.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureApiStoreTests : ApiStoreContractTests, IAsyncLifetime
{
    private readonly List<AzureExecutionHistoryStore> histories = [];
    private readonly ApiTableStorage tables;

    public AzureApiStoreTests(AzuriteFixture azurite)
    {
        if (azurite.ConnectionString.Length == 0)
        {
            throw new InvalidOperationException(AzuriteLocator.InstallHint);
        }

        string hub = "t" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..20];
        tables = new(azurite.ConnectionString, hub);
        Host = New(azurite.ConnectionString, hub);
        OtherHost = New(azurite.ConnectionString, hub);
    }

    protected override Stores Host { get; }

    protected override Stores OtherHost { get; }

    protected override bool SharedAcrossHosts => true;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (AzureExecutionHistoryStore history in histories)
        {
            await history.DisposeAsync();
        }
    }

    [Fact]
    public async Task Executions_RecordedBeforeListingRows_ListedOnceFromTheFirstPageRead()
    {
        const string prefix = "arn:aws:states:us-east-1:123456789012:";
        DateTimeOffset start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        StateMachineRecord machine = new(prefix + "stateMachine:old", "old", "STANDARD", "{}", "arn:aws:iam::123456789012:role/R", start);
        ExecutionRecord before = new(prefix + "execution:old:before", machine.Arn, "before", "old:before", "{}", start, machine);
        ExecutionRecord after = before with { ExecutionArn = prefix + "execution:old:after", Name = "after", InstanceId = "old:after", StartDate = start.AddSeconds(5) };
        await tables.EnsureCreatedAsync(CancellationToken.None);
        // Written as a version before listing rows did: the record row alone (with a closed status seen).
        TableEntity row = new(AzureExecutionIndex.PartitionOf(before.ExecutionArn), TableItemCodec.Escape(before.ExecutionArn))
        {
            ["StartDate"] = before.StartDate, ["InstanceId"] = before.InstanceId,
            ["ClosedStatus"] = "FAILED", ["ClosedStopDate"] = start.AddSeconds(1), ["ClosedAtRedriveCount"] = 0,
        };
        await tables.Payloads.WriteAsync(row, JsonSerializer.Serialize(before, ApiStoreJsonContext.Default.ExecutionRecord), CancellationToken.None);
        await tables.Executions.AddEntityAsync(row);
        await Host.Executions.GetOrAddAsync(after, CancellationToken.None);
        ExecutionFilter all = new(machine.Arn);
        static async Task<string[]> Names(IExecutionIndex index, ExecutionFilter filter) =>
            [.. (await index.PageAsync(filter, null, 10, CancellationToken.None)).Listings.Select(l => l.Name + "=" + l.Status)];

        string[] first = await Names(Host.Executions, all);
        string[] failed = await Names(Host.Executions, all with { Status = "FAILED" });
        string[] otherHost = await Names(OtherHost.Executions, all);
        await tables.Executions.DeleteEntityAsync(row.PartitionKey, "~~listed");
        string[] backfilledAgain = await Names(new AzureExecutionIndex(tables), all);

        Assert.Equal(["after=RUNNING", "before=FAILED"], first);
        Assert.Equal(["before=FAILED"], failed); // exactly the status: not known closed is running
        Assert.Equal(first, otherHost);
        Assert.Equal(first, backfilledAgain);
        Assert.True(await tables.Executions.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, "~~listed") is { HasValue: true });
    }

    protected override Task FlushAsync(Stores stores) => ((AzureExecutionHistoryStore)stores.History).FlushAsync(CancellationToken.None);

    private Stores New(string connection, string hub)
    {
        ApiTableStorage storage = new(connection, hub);
        AzureExecutionIndex executions = new(storage);
        AzureExecutionHistoryStore history = new(storage, NullLogger<AzureExecutionHistoryStore>.Instance, new ExecutionClosings(executions, new ApiOptions()));
        histories.Add(history);
        return new(new AzureStateMachineStore(storage), new AzureActivityStore(storage), new AzureStateMachineVersionStore(storage),
            new AzureStateMachineAliasStore(storage), executions, history);
    }
}
