using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Durable;
using Xunit.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// Long loops on the real self-host (TaskHubWorker over the in-memory orchestration service): they continue as new,
/// the runner's wait follows the instance to its last generation, and every generation's history stays bounded.
/// </summary>
public sealed class DurableStateMachineRunnerContinueAsNewTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);
    private readonly OrchestrationHistoryMeter meter = new();
    private DurableSelfHost host = null!;

    public async Task InitializeAsync() =>
        host = await DurableSelfHost.StartAsync(
            new SelfHostOptions(), DurableTaskCatalog.ForStateMachines(new TestTaskHandler(), new ExecutionPlanCache()), meter, CancellationToken.None);

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => meter.Dispose();

    [Fact]
    public async Task RunOn_PassChoiceLoopOf100000Iterations_SucceedsWithBoundedHistoryPerGeneration()
    {
        using CancellationTokenSource cts = new(Budget);

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            host.Client, DurableFixtures.Definition("loop-pass"), JsonNode.Parse("""{"limit":100000}"""), new DurableRunOptions { ExecutionName = "pass-100k" }, cts.Token);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(100_000, result.Output!["count"]!.GetValue<int>());
        IReadOnlyDictionary<string, int> sizes = meter.HistorySizes;
        output.WriteLine($"{sizes.Count} generations, largest history {sizes.Values.Max()} events");

        // 4 ASL events per iteration, 10,000 per generation: about 40 generations of one episode each.
        Assert.True(sizes.Count >= 40, $"{sizes.Count} generations");
        Assert.All(sizes.Values, size => Assert.True(size <= 8, $"a generation's history has {size} events"));
    }

    [Fact]
    public async Task RunOn_TaskLoopOf2000Iterations_SucceedsWithBoundedHistoryPerGeneration()
    {
        using CancellationTokenSource cts = new(Budget);

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            host.Client, DurableFixtures.Definition("loop-task"), JsonNode.Parse("""{"limit":2000}"""), new DurableRunOptions { ExecutionName = "task-2000" }, cts.Token);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(2000, result.Output!["count"]!.GetValue<int>());
        Assert.Equal("task-2000", result.Output["name"]!.GetValue<string>());
        IReadOnlyDictionary<string, int> sizes = meter.HistorySizes;
        output.WriteLine($"{sizes.Count} generations, largest history {sizes.Values.Max()} events");

        // The runner writes StartMaxActionsPerGeneration: TaskScheduled + TaskCompleted per activity, at most one episode each.
        Assert.True(sizes.Count >= 2000 / StateMachineOrchestrator.StartMaxActionsPerGeneration, $"{sizes.Count} generations");
        Assert.All(sizes.Values, size => Assert.True(size <= (4 * StateMachineOrchestrator.StartMaxActionsPerGeneration) + 10, $"a generation's history has {size} events"));
    }
}
