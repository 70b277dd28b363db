using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using Moq;

namespace AslOnDurable.Core.Tests.Engine.Tasks;

public sealed class TaskHandlerRegistryTests
{
    private static ITaskHandler Returning(int value)
    {
        var handler = new Mock<ITaskHandler>();
        handler.Setup(h => h.InvokeAsync(It.IsAny<TaskInvocation>())).Returns(new ValueTask<TaskOutcome>(TaskOutcome.Success(JsonValue.Create(value))));
        return handler.Object;
    }

    private static TaskInvocation Call(string resource) => new() { StateName = "T", Resource = resource, ExecutionId = "e" };

    [Fact]
    public async Task InvokeAsync_ExactBeforeLongestPrefix_PicksMostSpecificHandler()
    {
        var registry = new TaskHandlerRegistry([
            new("arn:aws:lambda:*", Returning(1)),
            new("arn:aws:lambda:us-east-1:*", Returning(2)),
            new("arn:aws:lambda:us-east-1:1:function:f", Returning(3)),
        ]);

        Assert.Equal(3, (await registry.InvokeAsync(Call("arn:aws:lambda:us-east-1:1:function:f"))).Result!.GetValue<int>());
        Assert.Equal(2, (await registry.InvokeAsync(Call("arn:aws:lambda:us-east-1:1:function:g"))).Result!.GetValue<int>());
        Assert.Equal(1, (await registry.InvokeAsync(Call("arn:aws:lambda:eu-west-1:1:function:g"))).Result!.GetValue<int>());
    }

    [Fact]
    public async Task InvokeAsync_UnknownResource_FailsClearly()
    {
        var outcome = await TaskHandlerRegistry.Empty.InvokeAsync(Call("arn:nothing"));

        Assert.Equal(StatesErrorNames.Runtime, outcome.Error!.Error);
        Assert.Contains("arn:nothing", outcome.Error.Cause, StringComparison.Ordinal);
    }
}
