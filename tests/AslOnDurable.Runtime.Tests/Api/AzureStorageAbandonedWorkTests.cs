using AslOnDurable.Runtime.Tests.Hosting;
using AslOnDurable.Runtime.Tests.Storage;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>A failed Parallel whose other branch's Task never answers, on DurableTask.AzureStorage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageAbandonedWorkTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public async Task Parallel_BranchFailsWhileAnotherBranchsTaskIsHeldOnAzureStorage_ClosesFailedAtOnce()
    {
        AbandonedWorkTests.HeldOrFailingHandler handler = new();
        await using RedriveTestHost host = await RedriveTestHost.StartAsync(handler, AzuriteSelfHosts.Options(azurite, "abandonedhub"));
        try
        {
            await AbandonedWorkTests.ParallelFailsWhileHeldAsync(host, handler);
        }
        finally
        {
            handler.Release();
        }
    }
}
