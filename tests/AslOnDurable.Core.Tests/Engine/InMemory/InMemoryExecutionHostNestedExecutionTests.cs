using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.InMemory.Mocking;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AslOnDurable.Core.Tests.Engine.InMemory;

/// <summary>Task states that start another state machine, run in memory as nested interpreter runs.</summary>
public sealed class InMemoryExecutionHostNestedExecutionTests
{
    private const string Prefix = "arn:aws:states:us-east-1:123456789012";
    private const long StartMillis = 1_704_067_200_000; // 2024-01-01T00:00:00Z
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(StartMillis);

    [Fact]
    public void Sync2_ChildSucceeds_DescribeExecutionWithJsonInputAndOutputAndChildContext()
    {
        var result = RunParent(".sync:2", """{"arn":"arn:aws:states:us-east-1:123456789012:stateMachine:Child","input":{"a":1},"name":"run-1"}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonAssert.Equal($$"""
            {"child":{
              "ExecutionArn":"{{Prefix}}:execution:Child:run-1","Input":{"a":1},"InputDetails":{"Included":true},"Name":"run-1",
              "Output":{"input":{"a":1},"executionId":"{{Prefix}}:execution:Child:run-1","executionName":"run-1",
                        "stateMachineId":"{{Prefix}}:stateMachine:Child","stateMachineName":"Child"},
              "OutputDetails":{"Included":true},"StartDate":{{StartMillis}},"StateMachineArn":"{{Prefix}}:stateMachine:Child",
              "Status":"SUCCEEDED","StopDate":{{StartMillis}}},
             "who":"parent"}
            """, result.Output);
    }

    [Fact]
    public void Sync_ChildSucceeds_InputAndOutputAreJsonText()
    {
        var result = RunParent(".sync", """{"arn":"arn:aws:states:us-east-1:123456789012:stateMachine:Child","input":"{\"a\": 1}","name":"run-1"}""");

        var child = result.Output!["child"]!;
        Assert.Equal("""{"a": 1}""", child["Input"]!.GetValue<string>());
        JsonAssert.Equal($$"""{"input":{"a":1},"executionId":"{{Prefix}}:execution:Child:run-1","executionName":"run-1","stateMachineId":"{{Prefix}}:stateMachine:Child","stateMachineName":"Child"}""",
            JsonNode.Parse(child["Output"]!.GetValue<string>()));
        Assert.Equal("SUCCEEDED", child["Status"]!.GetValue<string>());
    }

    [Fact]
    public void RequestResponse_StartsChild_ResultIsExecutionArnAndStartDate()
    {
        var result = RunParent("", """{"arn":"arn:aws:states:us-east-1:123456789012:stateMachine:Child","input":null,"name":"run-1"}""");

        JsonAssert.Equal($$"""{"child":{"ExecutionArn":"{{Prefix}}:execution:Child:run-1","StartDate":{{StartMillis}}},"who":"parent"}""", result.Output);
    }

    [Fact]
    public void Sync2_ChildFails_ParentFailsWithTaskFailedAndDescribeExecutionCause()
    {
        var result = RunParent(".sync:2", """{"arn":"arn:aws:states:us-east-1:123456789012:stateMachine:Failing","input":{"a":1},"name":"run-1"}""");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.TaskFailed, result.Error?.Error);
        JsonAssert.Equal($$"""
            {"Cause":"child broke","Error":"Child.Error","ExecutionArn":"{{Prefix}}:execution:Failing:run-1","Input":{"a":1},
             "InputDetails":{"Included":true},"Name":"run-1","StartDate":{{StartMillis}},"StateMachineArn":"{{Prefix}}:stateMachine:Failing",
             "Status":"FAILED","StopDate":{{StartMillis}}}
            """, JsonNode.Parse(result.Error!.Cause!));
    }

    [Fact]
    public void Sync_ChildTimesOut_CauseHasTimedOutStatusAndInputText()
    {
        var result = RunParent(".sync", """{"arn":"arn:aws:states:us-east-1:123456789012:stateMachine:Slow","input":{"a":1},"name":"run-1"}""");

        Assert.Equal(StatesErrorNames.TaskFailed, result.Error?.Error);
        var cause = JsonNode.Parse(result.Error!.Cause!)!;
        Assert.Equal("TIMED_OUT", cause["Status"]!.GetValue<string>());
        Assert.Equal(StatesErrorNames.Timeout, cause["Error"]!.GetValue<string>());
        Assert.Equal("""{"a":1}""", cause["Input"]!.GetValue<string>());
    }

    [Fact]
    public void Catch_ChildFails_CatcherGetsTaskFailed()
    {
        var definition = DefinitionFiles.Read("nested", "parent-catch");

        var result = EngineRun.Run(definition, """{"arn":"arn:aws:states:us-east-1:123456789012:stateMachine:Failing","name":"run-1"}""", Host(Tasks()));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(StatesErrorNames.TaskFailed, result.Output!["caught"]!.GetValue<string>());
        Assert.Equal("FAILED", result.Output!["cause"]!["Status"]!.GetValue<string>());
        JsonAssert.Equal("""{"from":"parent"}""", result.Output!["cause"]!["Input"]);
    }

    [Fact]
    public void Sync2_UnknownArn_ParentFailsWithStateMachineDoesNotExist()
    {
        var result = RunParent(".sync:2", """{"arn":"arn:aws:states:us-east-1:123456789012:stateMachine:Nope","input":{},"name":"run-1"}""");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("StepFunctions.StateMachineDoesNotExistException", result.Error?.Error);
        Assert.StartsWith("State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:Nope' (Service: AWSStepFunctions;", result.Error?.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Sync2_MockConfigured_MockAnswersInsteadOfChild()
    {
        var mocks = MockConfiguration.Parse("""
            {"StateMachines":{"Parent":{"TestCases":{"Happy":{"Start":"Mocked"}}}},
             "MockedResponses":{"Mocked":{"0":{"Return":{"mocked":true}}}}}
            """).GetTestCase("Parent", "Happy");

        var result = RunParent(".sync:2", """{"arn":"arn:aws:states:us-east-1:123456789012:stateMachine:Nope","input":{},"name":"run-1"}""", new MockTaskHandler(mocks, Tasks()));

        JsonAssert.Equal("""{"child":{"mocked":true},"who":"parent"}""", result.Output);
    }

    [Fact]
    public void Sync2_ChildTimesOutAfterOneSecond_StopDateIsOnTheVirtualClock()
    {
        var result = RunParent(".sync:2", """{"arn":"arn:aws:states:us-east-1:123456789012:stateMachine:Slow","input":{},"name":"run-1"}""");

        var cause = JsonNode.Parse(result.Error!.Cause!)!;
        Assert.Equal(StartMillis + 1_000, cause["StopDate"]!.GetValue<long>());
    }

    private static ExecutionResult RunParent(string suffix, string input, ITaskHandler? tasks = null)
    {
        var definition = DefinitionFiles.Read("nested", "parent")
            .Replace("arn:aws:states:::states:startExecution.sync:2", StartExecutionTaskHandler.Resource + suffix, StringComparison.Ordinal);
        return EngineRun.Run(definition, input, Host(tasks ?? Tasks()));
    }

    private static InMemoryExecutionHost Host(ITaskHandler tasks) =>
        new(new FakeTimeProvider(Start), tasks, new InMemoryHostOptions { SkipWaits = true, RandomSeed = 7 });

    private static TaskHandlerRegistry Tasks() => StartExecutionTaskHandler.Registry(
        new InMemoryStateMachineRegistry(
        [
            new($"{Prefix}:stateMachine:Child", DefinitionFiles.Read("nested", "child-echo")),
            new($"{Prefix}:stateMachine:Failing", DefinitionFiles.Read("nested", "child-fail")),
            new($"{Prefix}:stateMachine:Slow", DefinitionFiles.Read("nested", "child-timeout")),
        ]),
        () => Guid.Empty);

    [Fact]
    public void Sync2_StateMachineStartsItself_FailsAtTheNestingLimitWithBoundedCause()
    {
        var definition = DefinitionFiles.Read("limits", "starts-itself");
        var tasks = StartExecutionTaskHandler.Registry(
            new InMemoryStateMachineRegistry([new($"{Prefix}:stateMachine:self", definition)]), () => Guid.Empty);

        var result = EngineRun.Run(definition, "{}", Host(tasks));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.TaskFailed, result.Error!.Error);
        Assert.InRange(result.Error.Cause!.Length, 1, (2 * NestedExecutionResults.MaxCauseLength) + 2_000);
    }

    [Fact]
    public void Check_DepthOverLimit_IsStatesRuntime()
    {
        var arn = new StateMachineArn($"{Prefix}:stateMachine:self", Prefix, "self");

        Assert.Null(NestedExecutionLimit.Check(NestedExecutionLimit.MaxDepth, arn));
        Assert.Equal(StatesErrorNames.Runtime, NestedExecutionLimit.Check(NestedExecutionLimit.MaxDepth + 1, arn)!.Error);
    }
}
