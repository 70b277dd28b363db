using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace AslOnDurable.Functions.Tests;

/// <summary>A strict <see cref="DurableTaskClient"/> mock that records scheduled starts.</summary>
internal sealed class DurableClientMock
{
    public DurableClientMock()
    {
        Mock.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback((TaskName name, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
                Starts.Add((name.Name, options?.InstanceId, input as string)))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) => options?.InstanceId ?? "generated");
    }

    public Mock<DurableTaskClient> Mock { get; } = new(MockBehavior.Strict, "test");

    public List<(string Name, string? InstanceId, string? Input)> Starts { get; } = [];
}
