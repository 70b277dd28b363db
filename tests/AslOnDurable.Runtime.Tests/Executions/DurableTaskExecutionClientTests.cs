using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace AslOnDurable.Runtime.Tests.Executions;

public sealed class DurableTaskExecutionClientTests
{
    private readonly Mock<DurableTaskClient> durable = new(MockBehavior.Strict, "test");

    [Fact]
    public async Task Start_PassesNameInstanceIdAndJsonText()
    {
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                new TaskName("Orch"), """{"a":1}""", It.Is<StartOrchestrationOptions>(o => o.InstanceId == "i-1"), It.IsAny<CancellationToken>()))
            .ReturnsAsync("i-1");

        await new DurableTaskExecutionClient(durable.Object).StartAsync("Orch", "i-1", """{"a":1}""", CancellationToken.None);

        durable.VerifyAll();
    }

    [Fact]
    public async Task Get_CompletedInstance_UnwrapsInputAndOutput()
    {
        DateTimeOffset created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        durable.Setup(c => c.GetInstancesAsync("i-1", true, It.IsAny<CancellationToken>())).ReturnsAsync(
            new OrchestrationMetadata("Orch", "i-1")
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Completed,
                CreatedAt = created,
                LastUpdatedAt = created.AddSeconds(1),
                SerializedInput = "\"{\\\"a\\\":1}\"",
                SerializedOutput = "\"[1,2]\"",
            });

        ExecutionSnapshot? snapshot = await new DurableTaskExecutionClient(durable.Object).GetAsync("i-1", CancellationToken.None);

        Assert.NotNull(snapshot);
        Assert.Equal(ExecutionRuntimeStatus.Completed, snapshot.Status);
        Assert.Equal("""{"a":1}""", snapshot.InputJson);
        Assert.Equal("[1,2]", snapshot.OutputJson);
        Assert.True(snapshot.IsTerminal);
    }

    [Fact]
    public async Task Get_UnknownInstance_ReturnsNull()
    {
        durable.Setup(c => c.GetInstancesAsync("nope", true, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);

        Assert.Null(await new DurableTaskExecutionClient(durable.Object).GetAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task RunOn_FunctionsClientReportsContinuedAsNew_WaitsForTheLastGeneration()
    {
        // The Functions client's wait can surface the instance between two generations: the runner waits again.
        string output = DurableJson.Serialize(StateMachineResults.ToOutput(new ExecutionResult(ExecutionStatus.Succeeded, JsonNode.Parse("""{"n":3}"""), null)));
        string? started = null;
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(OrchestratorNames.StateMachine), It.IsAny<object?>(), It.Is<StartOrchestrationOptions>(o => o.InstanceId == "loop-1"), It.IsAny<CancellationToken>()))
            .Callback((TaskName _, object? input, StartOrchestrationOptions? _, CancellationToken _) => started = (string?)input)
            .ReturnsAsync("loop-1");
#pragma warning disable CS0618 // Obsolete in Microsoft.DurableTask ("for compatibility"), yet a backend may still report it.
        durable.SetupSequence(c => c.WaitForInstanceCompletionAsync("loop-1", true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(OrchestratorNames.StateMachine, "loop-1") { RuntimeStatus = OrchestrationRuntimeStatus.ContinuedAsNew })
            .ReturnsAsync(new OrchestrationMetadata(OrchestratorNames.StateMachine, "loop-1")
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Completed,
                SerializedOutput = JsonSerializer.Serialize(output),
            });
#pragma warning restore CS0618

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            new DurableTaskExecutionClient(durable.Object), """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", JsonNode.Parse("{}"),
            new DurableRunOptions { ExecutionName = "loop-1" }, CancellationToken.None);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"n":3}""", result.Output!.ToJsonString());
        Assert.Equal(StateMachineOrchestrator.StartMaxActionsPerGeneration, DurableJson.Deserialize<StateMachineInput>(started!).MaxActionsPerGeneration);
        durable.Verify(c => c.WaitForInstanceCompletionAsync("loop-1", true, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task WaitForCompletion_Failed_ReportsFailureAndNoOutput()
    {
        durable.Setup(c => c.WaitForInstanceCompletionAsync("i-1", true, It.IsAny<CancellationToken>())).ReturnsAsync(
            new OrchestrationMetadata("Orch", "i-1")
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Failed,
                FailureDetails = new TaskFailureDetails("System.InvalidOperationException", "boom", null, null, null),
                SerializedOutput = "ignored",
            });

        ExecutionSnapshot snapshot = await new DurableTaskExecutionClient(durable.Object).WaitForCompletionAsync("i-1", CancellationToken.None);

        Assert.Equal(ExecutionRuntimeStatus.Failed, snapshot.Status);
        Assert.Equal(new ExecutionFailure("System.InvalidOperationException", "boom"), snapshot.Failure);
        Assert.Null(snapshot.OutputJson);
    }

    [Fact]
    public async Task RaiseEvent_PassesJsonText()
    {
        durable.Setup(c => c.RaiseEventAsync("i-1", "approve", "true", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await new DurableTaskExecutionClient(durable.Object).RaiseEventAsync("i-1", "approve", "true", CancellationToken.None);

        durable.VerifyAll();
    }

    [Fact]
    public async Task Terminate_PassesReasonAsOutputAndStopsSubOrchestrations()
    {
        durable.Setup(c => c.TerminateInstanceAsync("i-1", It.Is<TerminateInstanceOptions>(o => (string?)o.Output == "why" && o.Recursive), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

        await new DurableTaskExecutionClient(durable.Object).TerminateAsync("i-1", "why", CancellationToken.None);

        durable.VerifyAll();
    }
}
