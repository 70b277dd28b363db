using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.InMemory.Mocking;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Durable;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>Standard workflows on the real self-host (TaskHubWorker over the in-memory orchestration service).</summary>
public sealed class DurableStateMachineRunnerTests : IAsyncLifetime
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    private readonly TestTaskHandler tasks = new();
    private readonly ConcurrentDictionary<string, ListHistorySink> sinks = new(StringComparer.Ordinal);
    private DurableSelfHost host = null!;

    public async Task InitializeAsync() =>
        host = await DurableSelfHost.StartAsync(
            new SelfHostOptions(),
            DurableTaskCatalog.ForStateMachines(tasks, new ExecutionPlanCache(), id => sinks.TryGetValue(id, out ListHistorySink? sink) ? sink : null),
            NullLoggerFactory.Instance,
            CancellationToken.None);

    public async Task DisposeAsync()
    {
        tasks.ReleaseHung();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task RunOn_SkipWaits_HourLongWaitCompletesAndClockMovesOn()
    {
        using CancellationTokenSource cts = new(Budget);
        const string definition = """
            {"StartAt":"W","States":{
              "W":{"Type":"Wait","Seconds":3600,"Next":"P"},
              "P":{"Type":"Pass","Parameters":{"entered.$":"$$.State.EnteredTime","started.$":"$$.Execution.StartTime"},"End":true}}}
            """;

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            host.Client, definition, new JsonObject(), new DurableRunOptions { ExecutionName = $"skip-{Guid.NewGuid():N}", SkipWaits = true }, cts.Token);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        DateTimeOffset entered = DateTimeOffset.Parse(result.Output!["entered"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset started = DateTimeOffset.Parse(result.Output!["started"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(entered - started >= TimeSpan.FromHours(1), $"entered {entered:O}, started {started:O}");
    }

    [Theory]
    [MemberData(nameof(DurableFixtures.Parity), MemberType = typeof(DurableFixtures))]
    public async Task RunOn_Fixture_SameResultAndHistoryAsInMemoryEngine(string name)
    {
        using CancellationTokenSource cts = new(Budget);

        await ReferenceRuns.AssertDurableParityAsync(name, host.Client, sinks, cts.Token);
    }

    [Fact]
    public async Task RunOn_CallerCancels_TerminatesAndReportsAborted()
    {
        using CancellationTokenSource cts = new(Budget);
        string executionName = $"hang-{Guid.NewGuid():N}";
        const string definition = """{"StartAt":"Hang","States":{"Hang":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Hang","End":true}}}""";
        Task<ExecutionResult> running = DurableStateMachineRunner.RunOnAsync(host.Client, definition, new JsonObject(), new DurableRunOptions { ExecutionName = executionName }, cts.Token);
        await tasks.HangCalled.WaitAsync(cts.Token);

        await cts.CancelAsync();
        ExecutionResult result = await running;

        Assert.Equal(ExecutionStatus.Aborted, result.Status);
        ExecutionSnapshot done = await host.Client.WaitForCompletionAsync(executionName, new CancellationTokenSource(Budget).Token);
        Assert.Equal(ExecutionRuntimeStatus.Terminated, done.Status);
    }

    [Fact]
    public async Task Run_OwnHostWithMockConfiguration_AnswersFromTheMockAndStreamsHistoryOnce()
    {
        using CancellationTokenSource cts = new(Budget);
        const string mocks = """
            {"StateMachines": {"m": {"TestCases": {"happy": {"Flaky": "flakyThenOk", "Broken": "broken"}}}},
             "MockedResponses": {
               "flakyThenOk": {"0": {"Throw": {"Error": "Lambda.ServiceException", "Cause": "busy"}}, "1": {"Return": {"mocked": true}}},
               "broken": {"0": {"Throw": {"Error": "Custom.Error", "Cause": "mocked failure"}}}}}
            """;
        MockTestCase testCase = MockConfiguration.Parse(mocks).GetTestCase("m", "happy");
        ListHistorySink durableHistory = new();
        ListHistorySink memoryHistory = new();
        ExecutionResult expected = await ReferenceRuns.InMemoryAsync("task-retry-catch", "mocked", new MockTaskHandler(testCase, TaskHandlerRegistry.Empty), memoryHistory);

        ExecutionResult actual = await DurableStateMachineRunner.RunAsync(
            DurableFixtures.Definition("task-retry-catch"),
            DurableFixtures.Input("task-retry-catch"),
            new MockTaskHandler(testCase, TaskHandlerRegistry.Empty),
            new DurableRunOptions { ExecutionName = "mocked", History = durableHistory },
            cts.Token);

        ReferenceRuns.AssertSame(expected, actual);
        Assert.Equal("""{"mocked":true}""", actual.Output!["flaky"]!.ToJsonString());
        Assert.Equal(memoryHistory.Events.Select(e => (e.Id, e.PreviousEventId, e.Type)), durableHistory.Events.Select(e => (e.Id, e.PreviousEventId, e.Type)));
    }

    [Fact]
    public async Task Run_InputNotJson_ThrowsFormatException() =>
        await Assert.ThrowsAsync<FormatException>(() => DurableStateMachineRunner.RunAsync(
            DurableFixtures.Definition("fail"), "{nope", TaskHandlerRegistry.Empty, new DurableRunOptions(), CancellationToken.None));

    [Theory]
    [InlineData(null, DurableBackend.InMemory, null)]
    [InlineData("azurite", DurableBackend.AzureStorage, DurableRunOptions.AzuriteConnectionString)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=a", DurableBackend.AzureStorage, "DefaultEndpointsProtocol=https;AccountName=a")]
    public void BackendFor_StorageOption_PicksBackend(string? storage, DurableBackend backend, string? connection)
    {
        SelfHostOptions options = DurableRunOptions.BackendFor(storage);

        Assert.Equal(backend, options.Backend);
        Assert.Equal(connection, options.StorageConnectionString);
    }

    [Fact]
    public void ToResult_FailedOrchestration_IsFailedWithStatesRuntime()
    {
        DateTimeOffset at = DateTimeOffset.UnixEpoch;
        ExecutionResult result = DurableStateMachineRunner.ToResult(
            new ExecutionSnapshot("i", OrchestratorNames.StateMachine, ExecutionRuntimeStatus.Failed, at, at)
            {
                Failure = new ExecutionFailure("System.InvalidOperationException", "boom"),
            });

        Assert.Equal(new ExecutionResult(ExecutionStatus.Failed, null, new AslError(StatesErrorNames.Runtime, "System.InvalidOperationException: boom")), result);
    }
}
