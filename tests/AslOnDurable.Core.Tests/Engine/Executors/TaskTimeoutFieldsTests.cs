using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Tests.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

/// <summary>How a Task state resolves <c>TimeoutSeconds</c>/<c>HeartbeatSeconds</c> from paths and JSONata (definitions in <c>task-timeout/</c>).</summary>
public sealed class TaskTimeoutFieldsTests
{
    [Fact]
    public void TimeoutSecondsPath_PositiveIntegers_AreHandedToTheHost()
    {
        var host = new FakeExecutionHost();

        var result = EngineRun.Run(DefinitionFixtures.Read("task-timeout/timeout-paths.asl.json"), """{"timeout":30,"heartbeat":10}""", host);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(30, host.Invocations[0].TimeoutSeconds);
        Assert.Equal(10, host.Invocations[0].HeartbeatSeconds);
    }

    [Theory]
    [InlineData("""{"timeout":"a","heartbeat":1}""", "The TimeoutSecondsPath field refers to value \"a\" which is not a valid integer: $.timeout")]
    [InlineData("""{"timeout":1.5,"heartbeat":1}""", "The TimeoutSecondsPath field refers to value \"1.5\" which is not a valid integer: $.timeout")]
    [InlineData("""{"timeout":0,"heartbeat":1}""", "TimeoutSeconds must be a positive integer.")]
    [InlineData("""{"timeout":5,"heartbeat":-1}""", "HeartbeatSeconds must be a positive integer.")]
    public void TimeoutSecondsPath_NotAPositiveInteger_FailsWithUncatchableRuntimeError(string input, string cause)
    {
        var host = new FakeExecutionHost();

        var result = EngineRun.Run(DefinitionFixtures.Read("task-timeout/timeout-paths.asl.json"), input, host);

        Assert.Empty(host.Invocations);
        Assert.Equal(StatesErrorNames.Runtime, result.Error!.Error);
        Assert.EndsWith(cause, result.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"timeout":"5"}""")]
    [InlineData("""{"timeout":0}""")]
    [InlineData("""{"timeout":2.5}""")]
    public async Task TimeoutSeconds_JsonataNotAPositiveInteger_FailsWithQueryEvaluationError(string input)
    {
        var host = new FakeExecutionHost();
        var plan = ExecutionPlan.Compile(DefinitionParser.Parse(DefinitionFixtures.Read("task-timeout/timeout-jsonata.asl.json")).Definition!, new JsonataLibraryEvaluator());

        var result = await new Interpreter(plan).RunAsync(new ExecutionRequest { Input = JsonNode.Parse(input) }, host);

        Assert.Empty(host.Invocations);
        Assert.Equal(StatesErrorNames.QueryEvaluationError, result.Error!.Error);
        Assert.Contains("The TimeoutSeconds field must be a positive integer", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeoutSeconds_JsonataPositiveInteger_IsHandedToTheHost()
    {
        var host = new FakeExecutionHost();
        var plan = ExecutionPlan.Compile(DefinitionParser.Parse(DefinitionFixtures.Read("task-timeout/timeout-jsonata.asl.json")).Definition!, new JsonataLibraryEvaluator());

        await new Interpreter(plan).RunAsync(new ExecutionRequest { Input = JsonNode.Parse("""{"timeout":12}""") }, host);

        Assert.Equal(12, host.Invocations[0].TimeoutSeconds);
    }
}
