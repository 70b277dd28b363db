using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Observability;
using Moq;

namespace AslOnDurable.Functions.Tests;

public sealed class ActivityFunctionsTests
{
    [Fact]
    public async Task RunTask_Request_DelegatesToTheTaskHandler()
    {
        using ExecutionTelemetry telemetry = new("test-" + Guid.NewGuid().ToString("N"));
        Mock<ITaskHandler> tasks = new();
        tasks.Setup(t => t.InvokeAsync(It.Is<TaskInvocation>(i => i.StateName == "S" && i.Resource == "arn:r")))
            .ReturnsAsync(TaskOutcome.Success(new JsonObject { ["ok"] = true }));
        string request = DurableJson.Serialize(new TaskActivityInput(PayloadVersion.Current, "S", "arn:r", null, 0, "arn:e"));

        TaskActivityResult result = DurableJson.Deserialize<TaskActivityResult>(await new ActivityFunctions(tasks.Object, telemetry).RunTaskAsync(request));

        Assert.Equal(TaskActivityOutcomes.Succeeded, result.Outcome);
        Assert.Equal("""{"ok":true}""", result.Output!.ToJsonString());
    }
}
