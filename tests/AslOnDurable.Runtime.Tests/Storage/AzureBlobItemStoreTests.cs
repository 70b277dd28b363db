using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Runtime.Storage;

namespace AslOnDurable.Runtime.Tests.Storage;

/// <summary>The item store contract on Blob Storage (Azurite): buckets are containers, keys are blob names.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureBlobItemStoreTests(AzuriteFixture azurite) : ItemStoreContractTests
{
    private readonly AzureBlobItemStore store = azurite.ConnectionString.Length > 0
        ? new AzureBlobItemStore(azurite.ConnectionString)
        : throw new InvalidOperationException(AzuriteLocator.InstallHint);

    /// <inheritdoc/>
    protected override IItemStore Store => store;
}
