using AslOnDurable.Runtime.Tests.Storage;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// <see cref="ActivityClosingTests"/> on DurableTask.AzureStorage (Azurite), the Functions app's default backend: a
/// terminated child answers its parent's call there too, and the watching Task activity stops waiting.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageActivityClosingTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public async Task Parallel_BranchFailsWhileAnotherBranchsTaskIsHeldOnAzureStorage_CompletesFailedWhileTheHandlerIsHeld()
    {
        await using ActivityClosingHost closing = await ActivityClosingHost.StartAsync(AzuriteSelfHosts.Options(azurite, "closingparhub") with { ClosingService = false });
        await ActivityClosingTests.ParallelFailsWhileHeldAsync(closing);
    }

    [AzuriteFact]
    public async Task Sync2_ParentTimesOutWhileTheChildWaitsAnHourOnAzureStorage_ParentTimedOutAndTheChildTerminated()
    {
        await using ActivityClosingHost closing = await ActivityClosingHost.StartAsync(AzuriteSelfHosts.Options(azurite, "closingsynchub") with { ClosingService = false });
        await ActivityClosingTests.Sync2ParentTimesOutAsync(closing);
    }

    [AzuriteFact]
    public async Task ExpressMapRunFails_WhileAnotherChunksChildIsHeldOnAzureStorage_ParentFailsWhileTheHandlerIsHeld()
    {
        await using ActivityClosingHost closing = await ActivityClosingHost.StartAsync(AzuriteSelfHosts.Options(azurite, "closingexpresshub") with { ClosingService = false });
        await ActivityClosingTests.MapRunFailsWhileHeldAsync(closing, "EXPRESS");
    }
}
