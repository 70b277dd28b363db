using AslOnDurable.Runtime.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>The self-host over the in-memory orchestration service: real TaskHubWorker, real shims, no gRPC.</summary>
public sealed class DurableSelfHostTests : IAsyncLifetime
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    private DurableSelfHost host = null!;

    public async Task InitializeAsync() =>
        host = await DurableSelfHost.StartAsync(new SelfHostOptions(), SelfHostScenarios.Catalog, NullLoggerFactory.Instance, CancellationToken.None);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task PingOrchestration_FanOutOf50AndTimer_CompletesWithEveryReplyInOrder()
    {
        using CancellationTokenSource cts = new(Budget);
        await SelfHostScenarios.PingFanOutAndTimerAsync(host.Client, branches: 50, timerMilliseconds: 200, cts.Token);
    }

    [Fact]
    public async Task PingOrchestration_NoBranchesNoTimer_Completes()
    {
        using CancellationTokenSource cts = new(Budget);
        await SelfHostScenarios.PingFanOutAndTimerAsync(host.Client, branches: 0, timerMilliseconds: 0, cts.Token);
    }

    [Fact]
    public async Task Echo_TrickyJsonText_ComesBackUnchanged()
    {
        using CancellationTokenSource cts = new(Budget);
        await SelfHostScenarios.EchoAsync(host.Client, cts.Token);
    }

    [Fact]
    public async Task RaiseEvent_WaitingOrchestration_CompletesWithEventPayload()
    {
        using CancellationTokenSource cts = new(Budget);
        await SelfHostScenarios.RaiseEventAsync(host.Client, cts.Token);
    }

    [Fact]
    public async Task Terminate_WaitingOrchestration_EndsTerminated()
    {
        using CancellationTokenSource cts = new(Budget);
        await SelfHostScenarios.TerminateAsync(host.Client, cts.Token);
    }

    [Fact]
    public async Task Orchestrator_Throws_EndsFailedWithMessage()
    {
        using CancellationTokenSource cts = new(Budget);
        await SelfHostScenarios.FailureAsync(host.Client, cts.Token);
    }

    [Fact]
    public async Task Get_UnknownInstance_ReturnsNull()
    {
        Assert.Null(await host.Client.GetAsync("no-such-instance", CancellationToken.None));
    }
}
