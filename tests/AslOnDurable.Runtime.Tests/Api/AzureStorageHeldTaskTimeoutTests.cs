using AslOnDurable.Runtime.Tests.Storage;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>The execution's <c>TimeoutSeconds</c> while a Task's handler never answers, on DurableTask.AzureStorage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageHeldTaskTimeoutTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public Task ExecutionTimeout_WhileATaskIsHeldOnAzureStorage_EndsTimedOut() =>
        HeldCallHostTests<HeldTaskTimeoutTests.HeldTaskHandler>.OnAzuriteAsync(azurite, "heldtimeouthub", (host, handler) => HeldTaskTimeoutTests.ExecutionTimeoutWhileHeldAsync(host, handler));
}
