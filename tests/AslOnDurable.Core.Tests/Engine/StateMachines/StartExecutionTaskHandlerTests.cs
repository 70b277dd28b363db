using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Errors;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.StateMachines;

public sealed class StartExecutionTaskHandlerTests
{
    private const string ChildArn = "arn:aws:states:us-east-1:123456789012:stateMachine:Child";
    private const string ChildDefinition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";
    private static readonly Guid RequestId = new("11111111-2222-3333-4444-555555555555");

    private readonly StartExecutionTaskHandler handler = new(
        new InMemoryStateMachineRegistry([new(ChildArn, ChildDefinition)]), () => RequestId);

    [Fact]
    public async Task InvokeAsync_KnownArn_AsksHostToStartChildWithResolvedDefinition()
    {
        var outcome = await handler.InvokeAsync(Invocation(".sync:2", """{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:Child","Input":{"a":[1,2]},"Name":"run-1"}"""));

        var child = Assert.IsType<NestedExecutionRequest>(outcome.NestedExecution);
        Assert.False(outcome.IsFailure);
        Assert.Equal(ChildDefinition, child.Definition);
        Assert.Equal("Child", child.StateMachine.Name);
        Assert.Equal("arn:aws:states:us-east-1:123456789012", child.StateMachine.ArnPrefix);
        Assert.Equal("run-1", child.Name);
        Assert.Equal(NestedExecutionPattern.Sync2, child.Pattern);
        JsonAssert.Equal("""{"a":[1,2]}""", child.Input);
        Assert.Equal("""{"a":[1,2]}""", child.InputText);
    }

    [Fact]
    public async Task InvokeAsync_InputIsString_ParsedAsJsonAndKeptAsWritten()
    {
        var outcome = await handler.InvokeAsync(Invocation("", """{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:Child","Input":"{ \"a\": 1 }"}"""));

        var child = outcome.NestedExecution!;
        JsonAssert.Equal("""{"a":1}""", child.Input);
        Assert.Equal("""{ "a": 1 }""", child.InputText);
        Assert.Null(child.Name);
        Assert.Equal(NestedExecutionPattern.RequestResponse, child.Pattern);
    }

    [Fact]
    public async Task InvokeAsync_InputAbsentOrNull_ChildGetsEmptyObject()
    {
        var absent = await handler.InvokeAsync(Invocation(".sync", """{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:Child"}"""));
        var nullInput = await handler.InvokeAsync(Invocation(".sync", """{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:Child","Input":null}"""));

        foreach (var outcome in new[] { absent, nullInput })
        {
            JsonAssert.Equal("{}", outcome.NestedExecution!.Input);
            Assert.Equal("{}", outcome.NestedExecution.InputText);
        }
    }

    [Fact]
    public async Task InvokeAsync_UnknownArn_FailsWithStateMachineDoesNotExist()
    {
        var outcome = await handler.InvokeAsync(Invocation("", """{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:Missing"}"""));

        Assert.Equal(new AslError(
            "StepFunctions.StateMachineDoesNotExistException",
            "State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:Missing' (Service: AWSStepFunctions; Status Code: 400; "
            + "Error Code: StateMachineDoesNotExist; Request ID: 11111111-2222-3333-4444-555555555555; Proxy: null)"), outcome.Error);
    }

    [Fact]
    public async Task InvokeAsync_InputStringIsNotJson_FailsWithInvalidExecutionInput()
    {
        var outcome = await handler.InvokeAsync(Invocation(".sync", """{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:Child","Input":"{not json"}"""));

        Assert.Equal("StepFunctions.InvalidExecutionInputException", outcome.Error?.Error);
    }

    [Fact]
    public async Task InvokeAsync_NotAStateMachineArn_FailsWithInvalidArn()
    {
        var outcome = await handler.InvokeAsync(Invocation(".sync", """{"StateMachineArn":"arn:aws:lambda:us-east-1:123456789012:function:F"}"""));

        Assert.Equal("StepFunctions.InvalidArnException", outcome.Error?.Error);
    }

    [Fact]
    public async Task InvokeAsync_WaitForTaskToken_FailsWithClearRuntimeError()
    {
        var outcome = await handler.InvokeAsync(Invocation(".waitForTaskToken", """{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:Child"}"""));

        Assert.Equal(StatesErrorNames.Runtime, outcome.Error?.Error);
        Assert.Contains("waitForTaskToken", outcome.Error?.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_MissingStateMachineArn_FailsWithRuntimeError()
    {
        var outcome = await handler.InvokeAsync(Invocation(".sync", """{"Input":{}}"""));

        Assert.Equal(StatesErrorNames.Runtime, outcome.Error?.Error);
    }

    private static TaskInvocation Invocation(string suffix, string parameters) => new()
    {
        StateName = "Start",
        Resource = StartExecutionTaskHandler.Resource + suffix,
        Input = JsonNode.Parse(parameters),
        ExecutionId = "arn:aws:states:us-east-1:123456789012:execution:Parent:p-1",
    };
}
