using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AslOnDurable.Core.Tests.Engine.InMemory;

/// <summary>
/// <c>.waitForTaskToken</c> outside the durable host: tokens keep their old shape, and a handler that defers its answer
/// to a callback fails the state clearly instead of hanging.
/// </summary>
public sealed class InMemoryTaskCallbackTests
{
    private const string Definition = """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters":{"token.$":"$$.Task.Token"},
          "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
          "Caught":{"Type":"Pass","End":true}}}
        """;

    [Fact]
    public void NewTaskToken_DefaultHostMember_IsTheNextGuidAsHex()
    {
        IExecutionHost host = new FakeExecutionHost();

        string token = host.NewTaskToken();

        Assert.Equal(new Guid(1, 0, 0, new byte[8]).ToString("N"), token);
    }

    [Fact]
    public void InvokeTask_HandlerAwaitsCallback_StateFailsWithRuntimeNamingTheDurableHost()
    {
        Mock<ITaskHandler> handler = new();
        handler.Setup(h => h.InvokeAsync(It.IsAny<TaskInvocation>())).Returns(new ValueTask<TaskOutcome>(TaskOutcome.AwaitingCallback()));
        var host = new InMemoryExecutionHost(new FakeTimeProvider(), handler.Object, new InMemoryHostOptions { SkipWaits = true });

        var result = EngineRun.Run(Definition, "{}", host);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.Runtime, result.Error?.Error);
        Assert.Contains("durable host", result.Error!.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void InvokeTask_HandlerAnswersAtOnce_TokenIsHexGuidAndResultIsUsed()
    {
        TaskInvocation? seen = null;
        Mock<ITaskHandler> handler = new();
        handler.Setup(h => h.InvokeAsync(It.IsAny<TaskInvocation>()))
            .Returns((TaskInvocation i) => { seen = i; return new ValueTask<TaskOutcome>(TaskOutcome.Success(new JsonObject { ["ok"] = true })); });
        var host = new InMemoryExecutionHost(new FakeTimeProvider(), handler.Object, new InMemoryHostOptions { SkipWaits = true, RandomSeed = 7 });

        var result = EngineRun.Run(Definition, "{}", host);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonAssert.Equal("""{"ok":true}""", result.Output);
        Assert.Matches("^[0-9a-f]{32}$", seen!.TaskToken!);
        Assert.Equal(seen.TaskToken, seen.Input!["token"]!.GetValue<string>());
    }

    [Fact]
    public void AwaitingCallback_Outcome_IsNeitherFailureNorTimeout()
    {
        var outcome = TaskOutcome.AwaitingCallback();

        Assert.True(outcome.IsAwaitingCallback);
        Assert.False(outcome.IsFailure);
        Assert.False(outcome.IsTimeout);
        Assert.False(TaskOutcome.Success(null).IsAwaitingCallback);
    }
}
