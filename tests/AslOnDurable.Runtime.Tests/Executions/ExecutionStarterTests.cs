using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AslOnDurable.Runtime.Tests.Executions;

public sealed class ExecutionStarterTests
{
    private const string Definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";

    private readonly Mock<IExecutionClient> client = new(MockBehavior.Strict);
    private readonly ExecutionStarter starter = new(new ExecutionPlanCache(), NullLogger<ExecutionStarter>.Instance);
    private readonly List<(string Orchestrator, string InstanceId, string? Payload)> starts = [];

    public ExecutionStarterTests()
    {
        client.Setup(c => c.StartAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Callback((string name, string id, string? payload, CancellationToken _) => starts.Add((name, id, payload)))
            .Returns(Task.CompletedTask);
    }

    private StateMachineInput SingleStart(out string instanceId)
    {
        var start = Assert.Single(starts);
        Assert.Equal(OrchestratorNames.StateMachine, start.Orchestrator);
        instanceId = start.InstanceId;
        return DurableJson.Deserialize<StateMachineInput>(start.Payload!);
    }

    [Fact]
    public async Task Start_GivenName_StartsStateMachineOrchestratorWithDefinitionInputAndName()
    {
        string id = await starter.StartAsync(client.Object, new(Definition, """{"a":1}""", "abc", "test") { StateMachineName = "sm" }, CancellationToken.None);

        StateMachineInput payload = SingleStart(out string instanceId);
        Assert.Equal("abc", id);
        Assert.Equal("abc", instanceId);
        Assert.Equal(PayloadVersion.Current, payload.Version);
        Assert.Equal(Definition, payload.Definition);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":1}"""), payload.Input));
        Assert.Equal("abc", payload.ExecutionName);
        Assert.Equal("sm", payload.StateMachineName);
        Assert.Null(payload.SkipWaits);
        Assert.Equal(StateMachineOrchestrator.StartMaxActionsPerGeneration, payload.MaxActionsPerGeneration); // pinned per execution
    }

    [Fact]
    public async Task Start_NoName_MakesInstanceIdAndLeavesExecutionNameToIt()
    {
        string id = await starter.StartAsync(client.Object, new(Definition, "{}", null, "test"), CancellationToken.None);

        StateMachineInput payload = SingleStart(out string instanceId);
        Assert.Equal(32, id.Length);
        Assert.Equal(id, instanceId);
        Assert.Null(payload.ExecutionName);
    }

    [Theory]
    [InlineData(Definition, "{nope", "abc", "InvalidExecutionInput")]
    [InlineData("""{"StartAt":"Missing","States":{}}""", "{}", "abc", "InvalidDefinition")]
    [InlineData("not json", "{}", "abc", "InvalidDefinition")]
    [InlineData(Definition, "{}", "has space", "InvalidName")]
    [InlineData(Definition, "{}", "a/b", "InvalidName")]
    public async Task Start_InvalidPart_ThrowsWithAwsErrorTypeAndStartsNothing(string definition, string input, string name, string errorType)
    {
        var error = await Assert.ThrowsAsync<StartExecutionException>(() => starter.StartAsync(client.Object, new(definition, input, name, "test"), CancellationToken.None));

        Assert.Equal(errorType, error.ErrorType);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task StartFromRequest_DefinitionAsObject_StartsWithInnerInputAndName()
    {
        string id = await starter.StartFromRequestAsync(
            client.Object, $$"""{"definition":{{Definition}},"input":{"branches":2},"name":"q-1","stateMachineName":"sm"}""", "queue", CancellationToken.None);

        StateMachineInput payload = SingleStart(out _);
        Assert.Equal("q-1", id);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Definition), JsonNode.Parse(payload.Definition)));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"branches":2}"""), payload.Input));
        Assert.Equal("sm", payload.StateMachineName);
    }

    [Fact]
    public async Task StartFromRequest_DefinitionAsTextAndNoInput_StartsWithThatTextAndEmptyObject()
    {
        JsonObject request = new() { ["definition"] = Definition };

        await starter.StartFromRequestAsync(client.Object, request.ToJsonString(), "http", CancellationToken.None);

        StateMachineInput payload = SingleStart(out _);
        Assert.Equal(Definition, payload.Definition);
        Assert.True(JsonNode.DeepEquals(new JsonObject(), payload.Input));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"input":{}}""")]
    [InlineData("""{"definition":42}""")]
    [InlineData("""{"definition":"{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}","name":7}""")]
    public async Task StartFromRequest_Malformed_ThrowsFormatExceptionAndStartsNothing(string request)
    {
        await Assert.ThrowsAnyAsync<FormatException>(() => starter.StartFromRequestAsync(client.Object, request, "queue", CancellationToken.None));
        Assert.Empty(starts);
    }

    [Fact]
    public async Task StartFromSchedule_SameSlotTwice_UsesSameInstanceIdAndConfiguredDefinition()
    {
        DateTimeOffset due = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

        await starter.StartFromScheduleAsync(client.Object, "nightly", due, Definition, """{"x":1}""", CancellationToken.None);
        await starter.StartFromScheduleAsync(client.Object, "nightly", due, Definition, """{"x":1}""", CancellationToken.None);

        Assert.Equal(["nightly-20260102T030405Z", "nightly-20260102T030405Z"], starts.Select(s => s.InstanceId));
        StateMachineInput payload = DurableJson.Deserialize<StateMachineInput>(starts[0].Payload!);
        Assert.Equal(Definition, payload.Definition);
        Assert.Equal("nightly", payload.StateMachineName);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"x":1}"""), payload.Input));
    }

    [Fact]
    public async Task StartFromSchedule_NoInputConfigured_StartsWithEmptyObject()
    {
        await starter.StartFromScheduleAsync(client.Object, "nightly", DateTimeOffset.UnixEpoch, Definition, null, CancellationToken.None);

        Assert.True(JsonNode.DeepEquals(new JsonObject(), SingleStart(out _).Input));
    }

    [Fact]
    public async Task StartFromSchedule_NoDefinitionConfigured_ThrowsInvalidDefinitionAndStartsNothing()
    {
        var error = await Assert.ThrowsAsync<StartExecutionException>(
            () => starter.StartFromScheduleAsync(client.Object, "nightly", DateTimeOffset.UnixEpoch, null, null, CancellationToken.None));

        Assert.Equal("InvalidDefinition", error.ErrorType);
        Assert.Empty(starts);
    }
}
