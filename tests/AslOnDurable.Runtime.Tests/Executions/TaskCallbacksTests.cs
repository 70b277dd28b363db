using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using Moq;

namespace AslOnDurable.Runtime.Tests.Executions;

public sealed class TaskCallbacksTests
{
    private static readonly Guid Id = Guid.Parse("11111111-2222-3333-4444-555555555555");
    private readonly Mock<IExecutionClient> client = new(MockBehavior.Strict);
    private readonly List<(string Instance, string Name, string? Payload)> raised = [];

    private string Running(string instanceId = "exec-1")
    {
        client.Setup(c => c.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(
            new ExecutionSnapshot(instanceId, OrchestratorNames.StateMachine, ExecutionRuntimeStatus.Running, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        client.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Callback((string i, string n, string? p, CancellationToken _) => raised.Add((i, n, p)))
            .Returns(Task.CompletedTask);
        return TaskToken.Create(instanceId, Id);
    }

    private TaskCallbacks Callbacks => new(client.Object);

    [Fact]
    public async Task SendTaskSuccess_RunningExecution_RaisesTheTokensEventWithTheOutput()
    {
        string token = Running();

        await Callbacks.SendTaskSuccessAsync(token, """{"a":1}""", CancellationToken.None);

        var (instance, name, payload) = Assert.Single(raised);
        Assert.Equal("exec-1", instance);
        Assert.Equal(TaskToken.EventName(Id), name);
        TaskCallbackEvent callback = DurableJson.Deserialize<TaskCallbackEvent>(payload!);
        Assert.Equal(TaskCallbackKinds.Success, callback.Kind);
        Assert.Equal("""{"a":1}""", callback.Output);
    }

    [Fact]
    public async Task SendTaskFailure_NoErrorOrCause_SendsThemAbsent()
    {
        string token = Running();

        await Callbacks.SendTaskFailureAsync(token, null, null, CancellationToken.None);

        TaskCallbackEvent callback = DurableJson.Deserialize<TaskCallbackEvent>(Assert.Single(raised).Payload!);
        Assert.Equal(new TaskCallbackEvent(PayloadVersion.Current, TaskCallbackKinds.Failure), callback);
    }

    [Theory]
    [InlineData("{", "InvalidOutput")]
    [InlineData("not json", "InvalidOutput")]
    [InlineData(null, "InvalidOutput")]
    public async Task SendTaskSuccess_BadOutput_IsRefusedAndNothingIsSent(string? output, string expected)
    {
        string token = Running();

        TaskCallbackException e = await Assert.ThrowsAsync<TaskCallbackException>(() => Callbacks.SendTaskSuccessAsync(token, output, CancellationToken.None));

        Assert.Equal(expected, e.ErrorType);
        Assert.Empty(raised);
    }

    [Fact]
    public async Task SendTaskSuccess_OutputOverQuota_IsAValidationError()
    {
        string token = Running();
        string output = "\"" + new string('x', TaskCallbacks.MaxOutputBytes) + "\"";

        TaskCallbackException e = await Assert.ThrowsAsync<TaskCallbackException>(() => Callbacks.SendTaskSuccessAsync(token, output, CancellationToken.None));

        Assert.Equal("ValidationException", e.ErrorType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc$")]
    public async Task SendTaskHeartbeat_MalformedToken_IsInvalidToken(string? token)
    {
        TaskCallbackException e = await Assert.ThrowsAsync<TaskCallbackException>(() => Callbacks.SendTaskHeartbeatAsync(token, CancellationToken.None));

        Assert.Equal("InvalidToken", e.ErrorType);
    }

    [Theory]
    [InlineData(ExecutionRuntimeStatus.Completed)]
    [InlineData(ExecutionRuntimeStatus.Failed)]
    [InlineData(ExecutionRuntimeStatus.Terminated)]
    public async Task SendTaskHeartbeat_EndedExecution_IsTaskTimedOut(ExecutionRuntimeStatus status)
    {
        client.Setup(c => c.GetAsync("done", It.IsAny<CancellationToken>())).ReturnsAsync(
            new ExecutionSnapshot("done", OrchestratorNames.StateMachine, status, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));

        TaskCallbackException e = await Assert.ThrowsAsync<TaskCallbackException>(
            () => Callbacks.SendTaskHeartbeatAsync(TaskToken.Create("done", Id), CancellationToken.None));

        Assert.Equal("TaskTimedOut", e.ErrorType);
    }

    [Fact]
    public async Task SendTaskFailure_UnknownExecution_IsTaskDoesNotExist()
    {
        client.Setup(c => c.GetAsync("gone", It.IsAny<CancellationToken>())).ReturnsAsync((ExecutionSnapshot?)null);

        TaskCallbackException e = await Assert.ThrowsAsync<TaskCallbackException>(
            () => Callbacks.SendTaskFailureAsync(TaskToken.Create("gone", Id), "E", "c", CancellationToken.None));

        Assert.Equal("TaskDoesNotExist", e.ErrorType);
    }
}
