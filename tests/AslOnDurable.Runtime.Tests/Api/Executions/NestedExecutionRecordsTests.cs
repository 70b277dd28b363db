using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;

namespace AslOnDurable.Runtime.Tests.Api.Executions;

/// <summary>
/// How the history stores keep a child execution a parent started in the execution index
/// (<see cref="ExecutionClosings.RecordNestedAsync"/>): as an execution of its registered state machine, with what it
/// started with; never over a record the index holds, nor for a machine that is not registered.
/// </summary>
public sealed class NestedExecutionRecordsTests
{
    private const string Prefix = "arn:aws:states:us-east-1:123456789012";
    private static readonly DateTimeOffset Started = new(2026, 12, 7, 12, 0, 0, 123, TimeSpan.Zero);
    private readonly InMemoryExecutionIndex index = new();
    private readonly InMemoryStateMachineStore machines = new();
    private readonly ExecutionClosings closings;

    public NestedExecutionRecordsTests() => closings = new ExecutionClosings(index, new ApiOptions(), machines);

    [Fact]
    public async Task RecordNestedAsync_RegisteredMachine_KeptWithTheDefinitionInputAndRoleItStartedWith()
    {
        await machines.GetOrAddAsync(Machine("child", "STANDARD"), CancellationToken.None);

        bool added = await closings.RecordNestedAsync(Start("child", "run-1", role: "arn:aws:iam::1:role/parent"), CancellationToken.None);

        ExecutionRecord record = Assert.IsType<ExecutionRecord>(await index.GetAsync($"{Prefix}:execution:child:run-1", CancellationToken.None));
        Assert.True(added);
        Assert.Equal(("child:run-1", $"{Prefix}:stateMachine:child", "run-1", """{"n":1}"""), (record.InstanceId, record.StateMachineArn, record.Name, record.InputJson));
        Assert.Equal(Started, record.StartDate);
        Assert.Equal(("{\"started\":true}", "arn:aws:iam::1:role/parent"), (record.StateMachine.Definition, record.StateMachine.RoleArn));
    }

    [Fact]
    public async Task RecordNestedAsync_AlreadyIndexedUnregisteredExpressOrOtherInstance_NothingAdded()
    {
        await machines.GetOrAddAsync(Machine("child", "STANDARD"), CancellationToken.None);
        await machines.GetOrAddAsync(Machine("fast", "EXPRESS"), CancellationToken.None);
        await closings.RecordNestedAsync(Start("child", "twice"), CancellationToken.None);
        ExecutionRecord first = (await index.GetAsync($"{Prefix}:execution:child:twice", CancellationToken.None))!;

        Assert.False(await closings.RecordNestedAsync(Start("child", "twice") with { InputJson = "{}" }, CancellationToken.None));
        Assert.False(await closings.RecordNestedAsync(Start("missing", "run-1"), CancellationToken.None));
        Assert.False(await closings.RecordNestedAsync(Start("fast", "run-1"), CancellationToken.None));
        Assert.False(await closings.RecordNestedAsync(Start("child", "bare") with { InstanceId = "bare" }, CancellationToken.None));
        Assert.False(await new ExecutionClosings(index, new ApiOptions()).RecordNestedAsync(Start("child", "no-registry"), CancellationToken.None));

        Assert.Same(first, await index.GetAsync($"{Prefix}:execution:child:twice", CancellationToken.None));
        Assert.Null(await index.GetAsync($"{Prefix}:execution:missing:run-1", CancellationToken.None));
        Assert.Null(await index.GetAsync($"{Prefix}:execution:child:bare", CancellationToken.None));
        Assert.Null(await index.GetAsync($"{Prefix}:execution:child:no-registry", CancellationToken.None));
    }

    private static StateMachineRecord Machine(string name, string type) =>
        new($"{Prefix}:stateMachine:{name}", name, type, "{\"latest\":true}", "arn:aws:iam::1:role/machine", Started.AddDays(-1));

    private static NestedExecutionStarted Start(string machine, string name, string? role = null) =>
        new(machine + ":" + name, machine, name, "{\"started\":true}", """{"n":1}""", role, Started.AddTicks(4567));
}
