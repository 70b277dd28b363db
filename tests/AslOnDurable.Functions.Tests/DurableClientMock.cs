using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace AslOnDurable.Functions.Tests;

/// <summary>A strict <see cref="DurableTaskClient"/> mock that records scheduled starts and reports them as running instances.</summary>
internal sealed class DurableClientMock
{
    public DurableClientMock()
    {
        Mock.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback((TaskName name, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
                Starts.Add((name.Name, options?.InstanceId, input as string)))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) => options?.InstanceId ?? "generated");
        // The task hub's view of an instance: a started one is running (shared by every app instance using this mock).
        Mock.Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string instanceId, bool _, CancellationToken _) => Starts.Any(s => s.InstanceId == instanceId)
                ? new OrchestrationMetadata(Starts.First(s => s.InstanceId == instanceId).Name, instanceId) { RuntimeStatus = OrchestrationRuntimeStatus.Running }
                : null);
    }

    public Mock<DurableTaskClient> Mock { get; } = new(MockBehavior.Strict, "test");

    public List<(string Name, string? InstanceId, string? Input)> Starts { get; } = [];
}
