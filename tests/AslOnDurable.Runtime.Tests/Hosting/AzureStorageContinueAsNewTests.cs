using System.Globalization;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Durable;
using AslOnDurable.Runtime.Tests.Storage;
using Azure.Data.Tables;
using Xunit.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// Long loops on DurableTask.AzureStorage against Azurite: they continue as new every few durable actions, the
/// runner's single wait follows the instance to its last generation, and the history table stays bounded.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageContinueAsNewTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int ActionsPerGeneration = 10;
    private const int MaxHistoryPerGeneration = (4 * ActionsPerGeneration) + 10; // scheduled + completed + an episode each
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [AzuriteFact]
    public async Task RunOn_TaskLoopOf60IterationsWith10ActionsPerGeneration_ContinuesAsNewSixTimesAndSucceeds()
    {
        // Six generations of ten tasks, then one that finishes the loop.
        JsonNode output = await RunLoopAsync("loop-task", """{"limit":60}""", new DurableRunOptions { ExecutionName = "loop-60" }, generations: 7);

        Assert.Equal(60, output["count"]!.GetValue<int>());
        Assert.Equal("""{"i":59}""", output["last"]!.ToJsonString());
        Assert.Equal("loop-60", output["name"]!.GetValue<string>());
        Assert.Equal(60, output["limit"]!.GetValue<int>());
    }

    [AzuriteFact]
    public async Task RunOn_WaitAndTaskLoopOnDurableTimers_ContinuesAsNewAndSucceeds()
    {
        // A one-second timer and a task per iteration (2 actions): three generations of two iterations, then the last.
        JsonNode output = await RunLoopAsync(
            "loop-wait-task", """{"limit":6,"pause":1}""", new DurableRunOptions { ExecutionName = "wait-loop-6", MaxActionsPerGeneration = 4 }, generations: 4);

        Assert.Equal(6, output["count"]!.GetValue<int>());
        Assert.Equal("""{"i":5}""", output["last"]!.ToJsonString());

        // Durable timers never fire before their due time (early ones are re-armed), whatever the generation.
        Assert.True(Elapsed(output) >= TimeSpan.FromSeconds(6), $"six one-second waits took {Elapsed(output)}");
    }

    [AzuriteFact]
    public async Task RunOn_WaitAndTaskLoopSkippingWaits_CarriesSkippedTimeAcrossGenerations()
    {
        // Skipped waits are no durable actions: six generations of ten tasks, then the last one.
        JsonNode output = await RunLoopAsync(
            "loop-wait-task", """{"limit":60,"pause":3600}""", new DurableRunOptions { ExecutionName = "skip-loop-60", SkipWaits = true }, generations: 7);

        Assert.Equal(60, output["count"]!.GetValue<int>());

        // 60 skipped hours on the execution's clock, carried from generation to generation (plus the real run time).
        Assert.InRange(Elapsed(output), TimeSpan.FromHours(60), TimeSpan.FromHours(60) + Budget);
    }

    private static TimeSpan Elapsed(JsonNode output) =>
        DateTimeOffset.Parse(output["entered"]!.GetValue<string>(), CultureInfo.InvariantCulture)
        - DateTimeOffset.Parse(output["started"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs a definition through <see cref="DurableStateMachineRunner"/> on a task hub of its own (ten actions per
    /// generation unless the options say otherwise) and checks the generations three ways: the last generation's input
    /// says which it is, the worker ran that many executions (distinct execution ids in DurableTask.Core's logs, each
    /// with a bounded history), and the runner waited once. The instance's history table rows are overwritten
    /// generation by generation, so they stay as few as the largest generation's events.
    /// </summary>
    private async Task<JsonNode> RunLoopAsync(string definition, string inputJson, DurableRunOptions options, int generations)
    {
        using CancellationTokenSource cts = new(Budget);
        using OrchestrationHistoryMeter meter = new();
        string taskHub = definition.Replace("-", string.Empty, StringComparison.Ordinal) + "hub" + generations;
        string instanceId = options.ExecutionName!;
        await using DurableSelfHost host = await AzuriteSelfHosts.StartAsync(azurite, taskHub, cts.Token, meter);
        RecordingExecutionClient client = new(host.Client);

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            client, DurableFixtures.Definition(definition), JsonNode.Parse(inputJson),
            options with { MaxActionsPerGeneration = options.MaxActionsPerGeneration ?? ActionsPerGeneration }, cts.Token);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        ExecutionSnapshot last = (await client.GetAsync(instanceId, cts.Token))!;
        StateMachineInput lastInput = DurableJson.Deserialize<StateMachineInput>(last.InputJson!);
        IReadOnlyDictionary<string, int> sizes = meter.HistorySizes;
        List<TableEntity> rows = [];
        TableClient history = new TableServiceClient(azurite.ConnectionString).GetTableClient(taskHub + "History");
        await foreach (TableEntity row in history.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, cancellationToken: cts.Token))
        {
            rows.Add(row);
        }

        string? current = rows.Single(r => r.RowKey == "sentinel").GetString("ExecutionId");
        output.WriteLine(
            $"{sizes.Count} generations, history events per generation: {string.Join(", ", sizes.Values.Order())}; "
            + $"{rows.Count} history rows, {rows.Count(r => r.GetString("ExecutionId") == current)} of the last generation");

        Assert.Equal([ExecutionRuntimeStatus.Completed], client.Waits);
        Assert.Equal(ExecutionRuntimeStatus.Completed, last.Status);
        Assert.Equal(generations - 1, lastInput.Continuation?.Generation);
        Assert.Equal(generations, sizes.Count);
        Assert.All(sizes.Values, size => Assert.InRange(size, 1, MaxHistoryPerGeneration));
        Assert.Contains(current!, sizes.Keys);
        Assert.InRange(rows.Count, 2, MaxHistoryPerGeneration + 1);
        return result.Output!;
    }
}
