using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Hosting;
using AslOnDurable.Runtime.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// ListExecutions answers from the execution index alone (RUNNING, closed and unfiltered pages): the index learns the
/// closings the engine records no event for — the execution's own <c>TimeoutSeconds</c> (the orchestrator records
/// ExecutionTimedOut) and StopExecution (ABORTED at once) — and DescribeExecution corrects a closing the index lost.
/// </summary>
public sealed class ListExecutionsTrustsTheIndexTests
{
    [Fact]
    public Task ListExecutions_RunningTimedOutStoppedAndLost_NoBackendCallAndDescribeCorrects() => TrustedIndexScenario.RunAsync(null);
}

/// <summary>The same on DurableTask.AzureStorage with the API's Table Storage index and history (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureListExecutionsTrustsTheIndexTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public Task ListExecutions_RunningTimedOutStoppedAndLostOnAzureStorage_NoBackendCallAndDescribeCorrects() =>
        TrustedIndexScenario.RunAsync(AzuriteSelfHosts.Options(azurite, "trustedhub"));
}

/// <summary>A running, a timed-out and a stopped execution listed without asking the backend; a lost closing corrected.</summary>
internal static class TrustedIndexScenario
{
    private const string Waiting = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""";
    private const string TimingOut = """{"TimeoutSeconds":2,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""";

    public static async Task RunAsync(SelfHostOptions? options)
    {
        await using RedriveTestHost host = await RedriveTestHost.StartAsync(new Mock<ITaskHandler>(MockBehavior.Strict).Object, options);
        string suffix = Guid.NewGuid().ToString("N")[..8];
        string waits = await host.CreateInlineAsync("trusted-wait-" + suffix, Waiting);
        string times = await host.CreateInlineAsync("trusted-timeout-" + suffix, TimingOut);

        JsonObject timedOut = await host.RunAsync(times, "t1");
        string[] types = await host.HistoryTypesAsync(timedOut); // written (on Table Storage the index is told after the rows)
        Assert.Equal("ExecutionTimedOut", types[^1]);
        Assert.Single(types, t => t == "ExecutionTimedOut"); // recorded by the orchestrator, not added again on read
        JsonObject running = await host.StartAsync(waits, "running");
        JsonObject stopped = await host.StartAsync(waits, "stopped");
        JsonObject stop = await host.OkAsync("StopExecution", stopped);

        CountedListings listings = new(host.Host);
        Task<string[]> ListAsync(string machine, string? status)
        {
            JsonObject body = new() { ["stateMachineArn"] = machine };
            if (status is not null)
            {
                body["statusFilter"] = status;
            }

            return listings.NamesAsync(body);
        }

        // Right after StopExecution (the terminate may not be processed yet): ABORTED, as AWS answers at once.
        Assert.Equal(["stopped=ABORTED"], await ListAsync(waits, "ABORTED"));
        Assert.Equal(["running=RUNNING"], await ListAsync(waits, "RUNNING"));
        Assert.Equal(["running=RUNNING", "stopped=ABORTED"], (await ListAsync(waits, null)).Order(StringComparer.Ordinal));
        Assert.Equal(["t1=TIMED_OUT"], await ListAsync(times, "TIMED_OUT"));
        Assert.Empty(await ListAsync(times, "RUNNING"));
        Assert.Equal(0, listings.Asked);
        JsonObject described = await host.DescribeAsync(stopped);
        Assert.Equal("ABORTED", (string?)described["status"]);
        Assert.Equal(stop["stopDate"]!.GetValue<decimal>(), described["stopDate"]!.GetValue<decimal>());
        JsonObject listedTimedOut = (await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = times }))["executions"]![0]!.AsObject();
        Assert.Equal((await host.DescribeAsync(timedOut))["stopDate"]!.GetValue<decimal>(), listedTimedOut["stopDate"]!.GetValue<decimal>());

        // A closing lost (a process killed before the index's write): listed RUNNING until DescribeExecution asks the backend.
        IExecutionIndex index = host.Host.Services.GetRequiredService<IExecutionIndex>();
        ExecutionRecord record = (await index.GetAsync((string)timedOut["executionArn"]!, CancellationToken.None))!;
        await index.ReplaceAsync(record with { Closed = null }, CancellationToken.None);
        Assert.Equal(["t1=RUNNING"], await ListAsync(times, "RUNNING"));
        Assert.Equal("TIMED_OUT", (string?)(await host.DescribeAsync(timedOut))["status"]);
        Assert.Equal(["t1=TIMED_OUT"], await ListAsync(times, "TIMED_OUT"));
        Assert.Empty(await ListAsync(times, "RUNNING"));
        Assert.Equal(0, listings.Asked);

        await host.OkAsync("StopExecution", running);
    }
}
