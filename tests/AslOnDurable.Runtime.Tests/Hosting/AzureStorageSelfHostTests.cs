using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>The self-host over DurableTask.AzureStorage against Azurite: the engine Azure runs, on loopback.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageSelfHostTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    private Task<DurableSelfHost> StartAsync(string taskHub) =>
        DurableSelfHost.StartAsync(
            AzuriteSelfHosts.Options(azurite, taskHub),
            SelfHostScenarios.Catalog,
            NullLoggerFactory.Instance,
            CancellationToken.None);

    [AzuriteFact]
    public async Task PingOrchestration_FanOutOf10AndTimer_CompletesWithEveryReplyInOrder()
    {
        using CancellationTokenSource cts = new(Budget);
        await using DurableSelfHost host = await StartAsync("pinghub");
        await SelfHostScenarios.PingFanOutAndTimerAsync(host.Client, branches: 10, timerMilliseconds: 500, cts.Token);
    }

    [AzuriteFact]
    public async Task RaiseEventAndTerminate_WaitingOrchestrations_EndAsRequested()
    {
        using CancellationTokenSource cts = new(Budget);
        await using DurableSelfHost host = await StartAsync("eventhub");
        await SelfHostScenarios.RaiseEventAsync(host.Client, cts.Token);
        await SelfHostScenarios.TerminateAsync(host.Client, cts.Token);
    }

    [AzuriteFact]
    public async Task EchoAndFailure_PayloadTextAndErrors_SurviveTheStore()
    {
        using CancellationTokenSource cts = new(Budget);
        await using DurableSelfHost host = await StartAsync("echohub");
        await SelfHostScenarios.EchoAsync(host.Client, cts.Token);
        await SelfHostScenarios.FailureAsync(host.Client, cts.Token);
    }
}
