using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AslOnDurable.Functions.Tests;

public sealed class TimerFunctionsTests
{
    private const string Definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";

    private static TimerFunctions Function(Dictionary<string, string?> settings) => new(
        new ExecutionStarter(new ExecutionPlanCache(), NullLogger<ExecutionStarter>.Instance),
        new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero)),
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
        NullLogger<TimerFunctions>.Instance);

    [Fact]
    public async Task ScheduledStart_Fires_StartsConfiguredStateMachineNamedAfterScheduleSlot()
    {
        DurableClientMock client = new();
        TimerFunctions function = Function(new()
        {
            [FunctionNames.ScheduleDefinitionSetting] = Definition,
            [FunctionNames.ScheduleInputSetting] = """{"x":1}""",
        });

        await function.ScheduledStartAsync(new TimerInfo(), client.Mock.Object, CancellationToken.None);

        var start = Assert.Single(client.Starts);
        Assert.Equal(OrchestratorNames.StateMachine, start.Name);
        Assert.Equal("ScheduledStart-20260304T050607Z", start.InstanceId);
        StateMachineInput payload = DurableJson.Deserialize<StateMachineInput>(start.Input!);
        Assert.Equal(Definition, payload.Definition);
        Assert.Equal("""{"x":1}""", payload.Input!.ToJsonString());
    }

    [Fact]
    public async Task ScheduledStart_NoDefinitionConfigured_StartsNothing()
    {
        DurableClientMock client = new();

        await Function([]).ScheduledStartAsync(new TimerInfo(), client.Mock.Object, CancellationToken.None);

        Assert.Empty(client.Starts);
    }

    [Fact]
    public async Task ScheduledStart_InvalidDefinitionConfigured_ThrowsAndStartsNothing()
    {
        DurableClientMock client = new();
        TimerFunctions function = Function(new() { ["AslScheduleDefinition"] = """{"StartAt":"Nowhere","States":{}}""" });

        await Assert.ThrowsAsync<StartExecutionException>(() => function.ScheduledStartAsync(new TimerInfo(), client.Mock.Object, CancellationToken.None));
        Assert.Empty(client.Starts);
    }
}
