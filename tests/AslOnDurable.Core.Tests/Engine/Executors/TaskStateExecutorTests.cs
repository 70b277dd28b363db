using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Errors;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

public sealed class TaskStateExecutorTests
{
    [Fact]
    public void Execute_Success_AppliesResultSelectorThenResultPath()
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonNode.Parse("""{"Payload":{"v":1},"StatusCode":200}""")) };

        var result = EngineRun.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"f","Payload.$":"$"},"ResultSelector":{"value.$":"$.Payload.v"},"ResultPath":"$.res","End":true}}}
            """, """{"in":true}""", host);

        JsonAssert.Equal("""{"in":true,"res":{"value":1}}""", result.Output);
        JsonAssert.Equal("""{"FunctionName":"f","Payload":{"in":true}}""", host.Invocations[0].Input);
        Assert.Equal("T", host.Invocations[0].StateName);
    }

    [Fact]
    public void Execute_NoParameters_TheHandlerGetsACopyOfTheInput()
    {
        JsonNode? parent = null;
        var host = new FakeExecutionHost
        {
            Tasks = invocation =>
            {
                parent = invocation.Input!.Parent;
                return TaskOutcome.Success(invocation.Input);
            },
        };

        var result = EngineRun.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","InputPath":"$.a","ResultPath":"$.r","End":true}}}
            """, """{"a":{"x":1}}""", host);

        Assert.Null(parent); // a copy of the input's member, which the handler may return or change
        JsonAssert.Equal("""{"a":{"x":1},"r":{"x":1}}""", result.Output);
    }

    [Theory]
    [InlineData("JSONPath")]
    [InlineData("JSONata")]
    public void Execute_HostReadsTheInputAtOnce_GetsTheStateInputItself(string language)
    {
        var first = JsonNode.Parse("""{"y":2}""");
        var host = new FakeExecutionHost
        {
            ReadsTaskInputAtOnce = true,
            Tasks = invocation => TaskOutcome.Success(invocation.StateName == "T1" ? first : invocation.Input?.DeepClone()),
        };

        var result = EngineRun.Run("""{"QueryLanguage":""" + $"\"{language}\"" + """
            ,"StartAt":"T1","States":{
              "T1":{"Type":"Task","Resource":"r","Next":"T2"},
              "T2":{"Type":"Task","Resource":"r","End":true}}}
            """, "{}", host);

        JsonAssert.Equal("""{"y":2}""", result.Output);
        Assert.Same(first, host.Invocations[1].Input); // T1's result is T2's input: passed as it is, not a copy
    }

    [Fact]
    public void Execute_RetryThenSuccess_WaitsBackoffIntervalsAndCountsRetries()
    {
        var host = new FakeExecutionHost();
        host.FailThenSucceed(2, "Custom.Boom", JsonNode.Parse("\"ok\""));

        var result = EngineRun.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","Parameters":{"n.$":"$$.State.RetryCount"},
              "Retry":[{"ErrorEquals":["Custom.Boom"],"IntervalSeconds":2,"BackoffRate":3,"MaxAttempts":3}],"End":true}}}
            """, "{}", host);

        Assert.Equal("ok", result.Output!.GetValue<string>());
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6)], host.Delays);
        Assert.Equal([0, 1, 2], host.Invocations.Select(i => i.Input!["n"]!.GetValue<int>()));
    }

    [Fact]
    public void Execute_RetriesExhausted_CatchPutsErrorAtResultPath()
    {
        var host = new FakeExecutionHost();
        host.FailThenSucceed(10, "Custom.Boom", null);

        var result = EngineRun.Run("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":1}],
                   "Catch":[{"ErrorEquals":["Other"],"Next":"Wrong"},{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.err","Next":"Handled"}],"Next":"Wrong"},
              "Wrong":{"Type":"Fail","Error":"Wrong"},
              "Handled":{"Type":"Pass","End":true}}}
            """, """{"keep":1}""", host);

        Assert.Equal(2, host.Invocations.Count);
        JsonAssert.Equal("""{"keep":1,"err":{"Error":"Custom.Boom","Cause":"cause 2"}}""", result.Output);
    }

    [Fact]
    public void Execute_MaxAttemptsZero_DoesNotRetry()
    {
        var host = new FakeExecutionHost();
        host.FailThenSucceed(1, "E", null);

        var result = EngineRun.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["E"],"MaxAttempts":0}],"End":true}}}
            """, "{}", host);

        Assert.Single(host.Invocations);
        Assert.Equal("E", result.Error!.Error);
    }

    [Fact]
    public void Execute_OutputPathMissingAfterTask_RuntimeErrorIsNotCaught()
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(new JsonObject()) };

        var result = EngineRun.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","OutputPath":"$.none",
              "Catch":[{"ErrorEquals":["States.Runtime"],"Next":"C"},{"ErrorEquals":["States.ALL"],"Next":"C"}],"End":true},
              "C":{"Type":"Succeed"}}}
            """, "{}", host);

        Assert.Equal(StatesErrorNames.Runtime, result.Error!.Error);
    }

    [Fact]
    public void Execute_ResultOverQuota_FailsWithCatchableDataLimitExceeded()
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonValue.Create(new string('x', 300))) };

        var result = EngineRun.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}],"End":true},
              "C":{"Type":"Pass","End":true}}}
            """, "{}", host, maxPayloadBytes: 200);

        Assert.Equal("States.DataLimitExceeded", result.Output!["Error"]!.GetValue<string>());
        Assert.Equal(
            "The state/task 'arn:r' returned a result with a size exceeding the maximum number of bytes service limit.",
            result.Output["Cause"]!.GetValue<string>());
    }

    [Fact]
    public void Execute_WaitForTaskToken_IssuesTokenVisibleInContextAndInvocation()
    {
        var host = new FakeExecutionHost();

        EngineRun.Run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters":{"token.$":"$$.Task.Token"},"End":true}}}
            """, "{}", host);

        var invocation = Assert.Single(host.Invocations);
        Assert.NotNull(invocation.TaskToken);
        Assert.Equal(invocation.TaskToken, invocation.Input!["token"]!.GetValue<string>());
    }

    [Fact]
    public void Execute_LambdaFunctionArn_RecordsLambdaEvents()
    {
        var history = new ListHistorySink();

        EngineRun.Run(
            """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","End":true}}}""",
            "{}",
            new FakeExecutionHost(),
            history);

        Assert.Equal(
            ["ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            history.Events.Select(e => e.Type));
    }
}
