using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>Runs fixtures on the in-memory engine (the reference) and compares results.</summary>
internal static class ReferenceRuns
{
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

    public static void AssertSame(ExecutionResult expected, ExecutionResult actual)
    {
        Assert.Equal(expected.StatusName, actual.StatusName);
        Assert.Equal(expected.Error, actual.Error);
        Assert.Equal(expected.Output?.ToJsonString(), actual.Output?.ToJsonString());
    }
}
