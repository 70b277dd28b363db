using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Hosting;
using AslOnDurable.Runtime.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// ListExecutions learns that an execution closed from its history's closing event (the history store tells the
/// execution index), so a status filter asks the backend nothing about it; a redrive lists it RUNNING again (from the
/// index too: not known closed is running).
/// </summary>
public sealed class ListExecutionsClosingTests
{
    [Fact]
    public Task ListExecutions_AfterTheExecutionFinished_AsksTheBackendNothingUntilARedrive() => ClosingScenario.RunAsync(null);
}

/// <summary>The same on DurableTask.AzureStorage with the API's Table Storage index and history (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureListExecutionsClosingTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public Task ListExecutions_AfterTheExecutionFinishedOnAzureStorage_AsksTheBackendNothingUntilARedrive() =>
        ClosingScenario.RunAsync(AzuriteSelfHosts.Options(azurite, "closinghub"));
}

/// <summary>One execution failed, listed, redriven (its Task then waits), listed again, released, listed again.</summary>
internal static class ClosingScenario
{
    private const string Definition =
        """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:gated","End":true}}}""";

    public static async Task RunAsync(SelfHostOptions? options)
    {
        GatedTaskHandler handler = new();
        await using RedriveTestHost host = await RedriveTestHost.StartAsync(handler, options);
        try
        {
            string machine = await host.CreateInlineAsync("closing-" + Guid.NewGuid().ToString("N")[..8], Definition);
            JsonObject arn = await host.RunAsync(machine, "e1");
            await host.HistoryTypesAsync(arn); // the history, and so what its closing event told the index, is written

            CountedListings listings = new(host.Host);
            Task<string[]> ListAsync(string status) => listings.NamesAsync(new JsonObject { ["stateMachineArn"] = machine, ["statusFilter"] = status });

            Assert.Equal(["e1=FAILED"], await ListAsync("FAILED"));
            Assert.Empty(await ListAsync("RUNNING"));
            Assert.Equal(0, listings.Asked);

            await host.OkAsync("RedriveExecution", arn);
            JsonObject started = (await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine }))["executions"]![0]!.AsObject();
            await handler.SecondCall.Task.WaitAsync(TimeSpan.FromMinutes(2)); // the redriven run is in its Task

            Assert.Equal("RUNNING", (string?)started["status"]); // its start was accepted before RedriveExecution answered
            Assert.Equal(1, (int)started["redriveCount"]!);
            Assert.Equal(["e1=RUNNING"], await ListAsync("RUNNING"));
            Assert.Empty(await ListAsync("FAILED"));
            Assert.Equal(0, listings.Asked); // not known closed: running, the backend is not asked

            // A host stopped between the start and clearing the pending mark: listed PENDING_REDRIVE until DescribeExecution,
            // which sees the redriven generation on the backend, corrects the index.
            IExecutionIndex index = host.Host.Services.GetRequiredService<IExecutionIndex>();
            ExecutionRecord read = (await index.GetAsync((string)arn["executionArn"]!, CancellationToken.None))!;
            Assert.False(read.PendingRedrive);
            Assert.True(await index.ReplaceAsync(read, read with { PendingRedrive = true }, CancellationToken.None));
            string[] markLeft = await ListAsync("RUNNING");
            string describedStatus = (string)(await host.DescribeAsync(arn))["status"]!;

            Assert.Empty(markLeft);
            Assert.Equal("RUNNING", describedStatus);
            Assert.Equal(["e1=RUNNING"], await ListAsync("RUNNING"));
            Assert.False((await index.GetAsync((string)arn["executionArn"]!, CancellationToken.None))!.PendingRedrive);
            listings.Asked = 0;

            handler.Gate.SetResult();
            await host.WaitAsync(arn);
            await host.HistoryTypesAsync(arn);
            listings.Asked = 0;

            Assert.Equal(["e1=SUCCEEDED"], await ListAsync("SUCCEEDED"));
            Assert.Empty(await ListAsync("RUNNING"));
            Assert.Equal(0, listings.Asked);
            JsonObject listed = (await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine }))["executions"]![0]!.AsObject();
            JsonObject described = await host.DescribeAsync(arn);
            Assert.Equal(described["stopDate"]!.GetValue<decimal>(), listed["stopDate"]!.GetValue<decimal>()); // the closing event's time in both
        }
        finally
        {
            handler.Gate.TrySetResult();
        }
    }

    /// <summary>Fails its first call; the second waits for <see cref="Gate"/>, then succeeds with the input.</summary>
    private sealed class GatedTaskHandler : ITaskHandler
    {
        private int calls;

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource SecondCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                return TaskOutcome.Failure(new AslError("Gated.Failed", "first call"));
            }

            SecondCall.TrySetResult();
            await Gate.Task;
            return TaskOutcome.Success(invocation.Input?.DeepClone() ?? new JsonObject());
        }
    }
}
