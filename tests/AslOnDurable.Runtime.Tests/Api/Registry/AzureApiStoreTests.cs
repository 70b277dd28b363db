using System.Globalization;
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

    public AzureApiStoreTests(AzuriteFixture azurite)
    {
        if (azurite.ConnectionString.Length == 0)
        {
            throw new InvalidOperationException(AzuriteLocator.InstallHint);
        }

        string hub = "t" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..20];
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
