using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Tests.Api;

public sealed class StepFunctionsDispatcherTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private readonly StepFunctionsSelfHost host = fixture.Host;

    [Theory]
    [InlineData(null)]
    [InlineData("AWSStepFunctions.NoSuchAction")]
    [InlineData("AmazonSQS.ListQueues")]
    [InlineData("ListStateMachines")]
    public async Task Dispatch_UnknownTarget_UnknownOperation400(string? target)
    {
        ApiResponse response = await host.DispatchAsync(target, "{}", CancellationToken.None);

        ApiTestCalls.Error(response, ApiErrorTypes.UnknownOperation);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[1]")]
    [InlineData("""{"name": 5, "definition": "{}", "roleArn": "x"}""")]
    public async Task Dispatch_MalformedBody_ValidationException(string body)
    {
        ApiResponse response = await host.DispatchAsync("AWSStepFunctions.CreateStateMachine", body, CancellationToken.None);

        ApiTestCalls.Error(response, ApiErrorTypes.ValidationException);
    }

    [Fact]
    public async Task Dispatch_EmptyBody_IsAnEmptyRequest()
    {
        ApiResponse response = await host.DispatchAsync("AWSStepFunctions.ListStateMachines", string.Empty, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(response.Body)!["stateMachines"]);
    }

    [Fact]
    public void Actions_ListsEveryImplementedAction()
    {
        Assert.Equal(
            ["CreateActivity", "CreateStateMachine", "CreateStateMachineAlias", "DeleteActivity", "DeleteStateMachine",
             "DeleteStateMachineAlias", "DeleteStateMachineVersion", "DescribeActivity", "DescribeExecution",
             "DescribeMapRun", "DescribeStateMachine", "DescribeStateMachineAlias", "DescribeStateMachineForExecution",
             "GetActivityTask", "GetExecutionHistory", "ListActivities", "ListExecutions", "ListMapRuns",
             "ListStateMachineAliases", "ListStateMachineVersions", "ListStateMachines", "ListTagsForResource",
             "PublishStateMachineVersion", "RedriveExecution", "SendTaskFailure", "SendTaskHeartbeat", "SendTaskSuccess",
             "StartExecution", "StartSyncExecution", "StopExecution", "TagResource", "TestState", "UntagResource", "UpdateMapRun",
             "UpdateStateMachine", "UpdateStateMachineAlias", "ValidateStateMachineDefinition"],
            host.Dispatcher.Actions.Order(StringComparer.Ordinal));
    }
}
