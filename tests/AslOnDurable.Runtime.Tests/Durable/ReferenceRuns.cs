using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>Runs fixtures on the in-memory engine (the reference) and compares results.</summary>
internal static class ReferenceRuns
{
    private static readonly HashSet<string> Concurrent = new(StringComparer.Ordinal) { "parallel", "map", "parallel-failure" };

    // Fixtures where a failing branch abandons another: whether the other's task completion is recorded depends on which
    // completion the orchestrator takes first (one taken after the closing event records nothing), so those events are
    // compared only as far as both runs have them.
    private static readonly HashSet<string> Abandoning = new(StringComparer.Ordinal) { "parallel-failure" };
    private static readonly HashSet<string> LateBranchEvents = new(StringComparer.Ordinal) { "LambdaFunctionSucceeded", "TaskStateExited" };

    public static async Task<ExecutionResult> InMemoryAsync(string name, string executionName, ITaskHandler? tasks = null, IHistorySink? history = null)
    {
        ExecutionPlan plan = new ExecutionPlanCache().Get(DurableFixtures.Definition(name)).Plan!;
        InMemoryExecutionHost host = new(TimeProvider.System, tasks ?? new TestTaskHandler(), new InMemoryHostOptions { SkipWaits = true });
        return await new Interpreter(plan).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse(DurableFixtures.Input(name)), Name = executionName }, host, new ExecutionOptions { History = history });
    }

    public static string OrchestratorInput(string name, string executionName) =>
        DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, DurableFixtures.Definition(name), JsonNode.Parse(DurableFixtures.Input(name)))
        {
            ExecutionName = executionName,
        });

    /// <summary>
    /// Runs a parity fixture on a durable client and on the reference engine: same result, and the same history
    /// (in any order for fixtures whose branches interleave differently when tasks complete in later episodes, as on AWS).
    /// </summary>
    public static async Task AssertDurableParityAsync(
        string name, IExecutionClient client, ConcurrentDictionary<string, ListHistorySink> sinks, CancellationToken cancellationToken)
    {
        string executionName = $"{name}-{Guid.NewGuid():N}";
        ListHistorySink expectedHistory = new();
        ExecutionResult expected = await InMemoryAsync(name, executionName, history: expectedHistory);
        ListHistorySink actualHistory = sinks.GetOrAdd(executionName, _ => new ListHistorySink());

        ExecutionResult actual = await DurableStateMachineRunner.RunOnAsync(
            client, DurableFixtures.Definition(name), JsonNode.Parse(DurableFixtures.Input(name)), new DurableRunOptions { ExecutionName = executionName }, cancellationToken);

        AssertSame(expected, actual);
        if (Abandoning.Contains(name))
        {
            Assert.Equal(
                expectedHistory.Events.Select(e => e.Type).Where(t => !LateBranchEvents.Contains(t)).Order(StringComparer.Ordinal),
                actualHistory.Events.Select(e => e.Type).Where(t => !LateBranchEvents.Contains(t)).Order(StringComparer.Ordinal));
            Assert.Equal(expectedHistory.Events[^1].Type, actualHistory.Events[^1].Type);
        }
        else if (Concurrent.Contains(name))
        {
            Assert.Equal(expectedHistory.Events.Select(e => e.Type).Order(StringComparer.Ordinal), actualHistory.Events.Select(e => e.Type).Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.Equal(expectedHistory.Events.Select(e => (e.Id, e.PreviousEventId, e.Type)), actualHistory.Events.Select(e => (e.Id, e.PreviousEventId, e.Type)));
        }
    }

    public static void AssertSame(ExecutionResult expected, ExecutionResult actual)
    {
        Assert.Equal(expected.StatusName, actual.StatusName);
        Assert.Equal(expected.Error, actual.Error);
        Assert.Equal(expected.Output?.ToJsonString(), actual.Output?.ToJsonString());
    }
}
