using AslOnDurable.Runtime.Tests.Hosting;
using AslOnDurable.Runtime.Tests.Storage;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>The execution's <c>TimeoutSeconds</c> while a Task's handler never answers, on DurableTask.AzureStorage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageHeldTaskTimeoutTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public async Task ExecutionTimeout_WhileATaskIsHeldOnAzureStorage_EndsTimedOut()
    {
        HeldTaskTimeoutTests.HeldTaskHandler handler = new();
        await using RedriveTestHost host = await RedriveTestHost.StartAsync(handler, AzuriteSelfHosts.Options(azurite, "heldtimeouthub"));
        try
        {
            await HeldTaskTimeoutTests.ExecutionTimeoutWhileHeldAsync(host, handler);
        }
        finally
        {
            handler.Release();
        }
    }
}
