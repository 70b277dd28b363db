using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Durable;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>One-shot executions on <see cref="InProcessOrchestrationDriver"/>: the same orchestrator, replayed every episode.</summary>
public sealed class InProcessOrchestrationDriverTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    private readonly TestTaskHandler tasks = new();
    private readonly ConcurrentDictionary<string, ListHistorySink> sinks = new(StringComparer.Ordinal);

    public void Dispose() => tasks.ReleaseHung();

    [Theory]
    [MemberData(nameof(DurableFixtures.Parity), MemberType = typeof(DurableFixtures))]
    public async Task RunOn_Fixture_SameResultAndHistoryAsInMemoryEngine(string name)
    {
        using CancellationTokenSource cts = new(Budget);
        Assert.True(InProcessOrchestrationDriver.CanRun(Parse(DurableFixtures.Definition(name))));
        using InProcessOrchestrationDriver driver = Driver();

        await ReferenceRuns.AssertDurableParityAsync(name, driver, sinks, cts.Token);
    }

    [Fact]
    public async Task RunOn_TaskLoop_ContinuesAsNewAndEndsWithTheLastGeneration()
    {
        using CancellationTokenSource cts = new(Budget);
        using InProcessOrchestrationDriver driver = Driver();

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            driver, DurableFixtures.Definition("loop-task"), JsonNode.Parse("""{"limit":60}"""),
            new DurableRunOptions { ExecutionName = "loop-60", MaxActionsPerGeneration = 10 }, cts.Token);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(60, result.Output!["count"]!.GetValue<int>());
        Assert.Equal("loop-60", result.Output["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunOn_CallerCancels_ReportsAborted()
    {
        using CancellationTokenSource cts = new(Budget);
        const string definition = """{"StartAt":"Hang","States":{"Hang":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Hang","End":true}}}""";
        using InProcessOrchestrationDriver driver = Driver();
        Task<ExecutionResult> running = DurableStateMachineRunner.RunOnAsync(driver, definition, new JsonObject(), new DurableRunOptions { ExecutionName = "hang" }, cts.Token);
        await tasks.HangCalled.WaitAsync(cts.Token);

        await cts.CancelAsync();
        ExecutionResult result = await running;

        Assert.Equal(ExecutionStatus.Aborted, result.Status);
    }

    [Fact]
    public async Task RunOn_CallerCancelsALoopThatOnlyContinuesAsNew_InstanceEndsTerminated()
    {
        using CancellationTokenSource cts = new(Budget);
        const string definition = """
            {"StartAt":"Check","States":{
              "Check":{"Type":"Choice","Choices":[{"Variable":"$.x","NumericEquals":2,"Next":"Done"}],"Default":"Again"},
              "Again":{"Type":"Pass","Next":"Check"},
              "Done":{"Type":"Succeed"}}}
            """;
        using CancellationTokenSource stop = new(Budget);

        // Stopped once the loop has run through several generations (10,000 ASL events each).
        CancellingSink sink = new(stop, 30_000);
        using InProcessOrchestrationDriver driver = new(DurableTaskCatalog.ForStateMachines(tasks, new ExecutionPlanCache(), _ => sink), NullLoggerFactory.Instance);

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            driver, definition, JsonNode.Parse("""{"x":1}"""), new DurableRunOptions { ExecutionName = "endless", MaxStateTransitions = long.MaxValue }, stop.Token);

        Assert.Equal(ExecutionStatus.Aborted, result.Status);
        ExecutionSnapshot done = await driver.WaitForCompletionAsync("endless", cts.Token);
        Assert.Equal(ExecutionRuntimeStatus.Terminated, done.Status);
    }

    [Fact]
    public async Task Driver_EveryEpisodeReplaysTheHistorySoFar()
    {
        using CancellationTokenSource cts = new(Budget);
        ConcurrentQueue<List<string>> episodes = new();
        DurableTaskCatalog catalog = DurableTaskCatalog.Empty
            .WithOrchestrator("Counting", () => new CountingOrchestrator(episodes))
            .WithActivity("Double", () => new DoubleActivity());
        using InProcessOrchestrationDriver driver = new(catalog, NullLoggerFactory.Instance);

        await driver.StartAsync("Counting", "c", "1", cts.Token);
        ExecutionSnapshot done = await driver.WaitForCompletionAsync("c", cts.Token);

        Assert.Equal(ExecutionRuntimeStatus.Completed, done.Status);
        Assert.Equal("8", done.OutputJson);

        // Four episodes: the start, then one per activity answer; each replays the answers of the episodes before it.
        Assert.Equal(
            [[], ["new:2"], ["replayed:2", "new:4"], ["replayed:2", "replayed:4", "new:8"]],
            episodes.Select(e => e.ToArray()).ToArray());
    }

    [Fact]
    public async Task Driver_OrchestratorWaitsForAnExternalEvent_FailsInsteadOfWaiting()
    {
        using CancellationTokenSource cts = new(Budget);
        DurableTaskCatalog catalog = DurableTaskCatalog.Empty.WithOrchestrator("Waiting", () => new WaitingOrchestrator());
        using InProcessOrchestrationDriver driver = new(catalog, NullLoggerFactory.Instance);

        await driver.StartAsync("Waiting", "w", "\"x\"", cts.Token);

        await Assert.ThrowsAsync<NotSupportedException>(() => driver.WaitForCompletionAsync("w", cts.Token));
    }

    [Theory]
    [InlineData("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", true)]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:F","End":true}}}""", true)]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:c"},"End":true}}}""", false)]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","Parameters":{"QueueUrl":"q","MessageBody":{"t.$":"$$.Task.Token"}},"End":true}}}""", false)]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:work","End":true}}}""", false)]
    [InlineData("""{"StartAt":"B","States":{"B":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution","Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:c"},"End":true}}}]}}}""", false)]
    [InlineData("""{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""", true)]
    [InlineData("""{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""", false)]
    public void CanRun_OnlyDefinitionsThatNeedNoOutsideMessage(string definition, bool expected) =>
        Assert.Equal(expected, InProcessOrchestrationDriver.CanRun(Parse(definition)));

    private static Core.Model.StateMachineDefinition Parse(string definition) =>
        new ExecutionPlanCache().Get(definition).Plan?.Definition ?? throw new InvalidOperationException("The test definition does not compile.");

    private InProcessOrchestrationDriver Driver() =>
        new(DurableTaskCatalog.ForStateMachines(tasks, new ExecutionPlanCache(), id => sinks.TryGetValue(id, out ListHistorySink? sink) ? sink : null), NullLoggerFactory.Instance);

    private sealed class CountingOrchestrator(ConcurrentQueue<List<string>> episodes) : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            List<string> seen = [];
            episodes.Enqueue(seen);
            int value = int.Parse(input, System.Globalization.CultureInfo.InvariantCulture);
            for (int i = 0; i < 3; i++)
            {
                value = await context.CallActivityAsync<int>("Double", value);
                seen.Add((context.IsReplaying ? "replayed:" : "new:") + value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private sealed class CancellingSink(CancellationTokenSource stop, int after) : IHistorySink
    {
        private int count;

        public void Record(HistoryEvent historyEvent)
        {
            if (Interlocked.Increment(ref count) == after)
            {
                _ = Task.Run(stop.Cancel); // off the orchestrator thread: cancellation callbacks run inline
            }
        }
    }

    private sealed class DoubleActivity : TaskActivity<int, int>
    {
        public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input * 2);
    }

    private sealed class WaitingOrchestrator : TaskOrchestrator<string, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
            context.WaitForExternalEvent<string>("never");
    }
}
