using AslOnDurable.Runtime.Tests.Storage;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>A failed Parallel whose other branch's Task never answers, on DurableTask.AzureStorage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageAbandonedWorkTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public Task Parallel_BranchFailsWhileAnotherBranchsTaskIsHeldOnAzureStorage_ClosesFailedAtOnce() =>
        HeldCallHostTests<AbandonedWorkTests.HeldOrFailingHandler>.OnAzuriteAsync(azurite, "abandonedhub", AbandonedWorkTests.ParallelFailsWhileHeldAsync);
}
