using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Tests.Api;

public sealed class ActivityOperationsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private const string Prefix = "arn:aws:states:us-east-1:123456789012:activity:";
    private readonly StepFunctionsSelfHost host = fixture.Host;

    [Fact]
    public async Task CreateActivity_NewThenSameName_SameArnAndDate()
    {
        JsonObject created = await host.OkAsync("CreateActivity", new JsonObject { ["name"] = "act-create" });
        JsonObject again = await host.OkAsync("CreateActivity", new JsonObject
        {
            ["name"] = "act-create", ["tags"] = new JsonArray(new JsonObject { ["key"] = "k", ["value"] = "v" }),
        });

        Assert.Equal(Prefix + "act-create", (string?)created["activityArn"]);
        Assert.Equal(created["creationDate"]!.GetValue<decimal>(), again["creationDate"]!.GetValue<decimal>());
        Assert.Equal((string?)created["activityArn"], (string?)again["activityArn"]);
    }

    [Theory]
    [InlineData("""{}""", ApiErrorTypes.ValidationException)]
    [InlineData("""{"name": "bad name"}""", ApiErrorTypes.InvalidName)]
    [InlineData("""{"name": "a:b"}""", ApiErrorTypes.InvalidName)]
    [InlineData("""{"name": "ok", "tags": [{"key": "", "value": "v"}]}""", ApiErrorTypes.ValidationException)]
    [InlineData("""{"name": 5}""", ApiErrorTypes.ValidationException)]
    public async Task CreateActivity_BadRequest_AwsError(string body, string errorType)
    {
        ApiTestCalls.Error(await host.DispatchAsync("AWSStepFunctions.CreateActivity", body, CancellationToken.None), errorType);
    }

    [Fact]
    public async Task CreateActivity_TooLongName_ValidationException()
    {
        await host.ErrorAsync("CreateActivity", new JsonObject { ["name"] = new string('a', 81) }, ApiErrorTypes.ValidationException);
    }

    [Fact]
    public async Task DescribeActivity_Existing_ArnNameAndCreationDate()
    {
        JsonObject created = await host.OkAsync("CreateActivity", new JsonObject { ["name"] = "act-describe" });

        JsonObject described = await host.OkAsync("DescribeActivity", new JsonObject { ["activityArn"] = created["activityArn"]!.DeepClone() });

        Assert.Equal(Prefix + "act-describe", (string?)described["activityArn"]);
        Assert.Equal("act-describe", (string?)described["name"]);
        Assert.Equal(created["creationDate"]!.GetValue<decimal>(), described["creationDate"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData(Prefix + "none", ApiErrorTypes.ActivityDoesNotExist)]
    [InlineData("arn:aws:states:us-east-1:123456789012:stateMachine:x", ApiErrorTypes.InvalidArn)]
    [InlineData("arn:aws:states:eu-west-1:123456789012:activity:x", ApiErrorTypes.InvalidArn)]
    [InlineData("not-an-arn", ApiErrorTypes.InvalidArn)]
    public async Task ActivityActions_UnknownOrMalformedArn_AwsError(string arn, string errorType)
    {
        await host.ErrorAsync("DescribeActivity", new JsonObject { ["activityArn"] = arn }, errorType);
        await host.ErrorAsync("GetActivityTask", new JsonObject { ["activityArn"] = arn }, errorType);
    }

    [Fact]
    public async Task DeleteActivity_ExistingThenAgain_GoneAndIdempotent()
    {
        JsonObject created = await host.OkAsync("CreateActivity", new JsonObject { ["name"] = "act-delete" });
        JsonObject arn = new() { ["activityArn"] = created["activityArn"]!.DeepClone() };

        await host.OkAsync("DeleteActivity", (JsonObject)arn.DeepClone());
        await host.OkAsync("DeleteActivity", (JsonObject)arn.DeepClone());

        await host.ErrorAsync("DescribeActivity", (JsonObject)arn.DeepClone(), ApiErrorTypes.ActivityDoesNotExist);
        await host.ErrorAsync("DeleteActivity", new JsonObject { ["activityArn"] = "arn:aws:states:us-east-1:123456789012:stateMachine:x" }, ApiErrorTypes.InvalidArn);
        await host.ErrorAsync("DeleteActivity", new JsonObject(), ApiErrorTypes.ValidationException);
    }

    [Fact]
    public async Task ListActivities_Paged_EveryActivityOnceByName()
    {
        foreach (string name in new[] { "act-list-c", "act-list-a", "act-list-b" })
        {
            await host.OkAsync("CreateActivity", new JsonObject { ["name"] = name });
        }

        List<string> names = [];
        string? token = null;
        do
        {
            JsonObject page = await host.OkAsync("ListActivities", new JsonObject { ["maxResults"] = 2, ["nextToken"] = token });
            names.AddRange(page["activities"]!.AsArray().Select(a => (string)a!["name"]!));
            Assert.All(page["activities"]!.AsArray(), a => Assert.NotNull(a!["creationDate"]));
            token = (string?)page["nextToken"];
        }
        while (token is not null);

        string[] ours = [.. names.Where(n => n.StartsWith("act-list-", StringComparison.Ordinal))];
        Assert.Equal(["act-list-a", "act-list-b", "act-list-c"], ours);
        Assert.Equal(names.Distinct().Count(), names.Count);
        await host.ErrorAsync("ListActivities", new JsonObject { ["nextToken"] = "bogus" }, ApiErrorTypes.InvalidToken);
        await host.ErrorAsync("ListActivities", new JsonObject { ["maxResults"] = 1001 }, ApiErrorTypes.ValidationException);
    }

    [Fact]
    public async Task GetActivityTask_WorkerNameTooLong_ValidationException()
    {
        JsonObject created = await host.OkAsync("CreateActivity", new JsonObject { ["name"] = "act-worker-name" });

        await host.ErrorAsync("GetActivityTask", new JsonObject
        {
            ["activityArn"] = created["activityArn"]!.DeepClone(), ["workerName"] = new string('w', 81),
        }, ApiErrorTypes.ValidationException);
    }

    [Fact]
    public async Task ActivityTask_WorkerSucceeds_ExecutionSucceedsWithActivityEvents()
    {
        var (arn, execution, instance) = await StartAsync("act-ok", "activity", """{"job": 7}""");

        JsonObject task = await host.OkAsync("GetActivityTask", new JsonObject { ["activityArn"] = arn, ["workerName"] = "worker-1" });
        Assert.Equal("""{"job":7}""", (string?)task["input"]);
        await host.OkAsync("SendTaskHeartbeat", new JsonObject { ["taskToken"] = task["taskToken"]!.DeepClone() });
        await host.OkAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = task["taskToken"]!.DeepClone(), ["output"] = """{"done":true}""" });
        await host.Client.WaitForCompletionAsync(instance, CancellationToken.None);

        JsonObject described = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = execution });
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("""{"done":true}""", (string?)described["output"]);
        JsonArray events = (await host.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = execution }))["events"]!.AsArray();
        Assert.Equal(
            ["ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded"],
            events.Select(e => (string)e!["type"]!));
        JsonObject scheduled = events[2]!["activityScheduledEventDetails"]!.AsObject();
        Assert.Equal(arn, (string?)scheduled["resource"]);
        Assert.Equal("""{"job":7}""", (string?)scheduled["input"]);
        Assert.Equal(3600, (int)scheduled["timeoutInSeconds"]!);
        Assert.Null(scheduled["heartbeatInSeconds"]);
        Assert.Equal("worker-1", (string?)events[3]!["activityStartedEventDetails"]!["workerName"]);
        Assert.Equal("""{"done":true}""", (string?)events[4]!["activitySucceededEventDetails"]!["output"]);
        Assert.Equal(4, (long)events[4]!["previousEventId"]!);
    }

    [Fact]
    public async Task ActivityTask_WorkerFails_ExecutionFailsWithActivityFailed()
    {
        var (arn, execution, instance) = await StartAsync("act-fail", "activity", """{"job": 1}""");

        JsonObject task = await host.OkAsync("GetActivityTask", new JsonObject { ["activityArn"] = arn });
        await host.OkAsync("SendTaskFailure", new JsonObject { ["taskToken"] = task["taskToken"]!.DeepClone(), ["error"] = "Job.Broken", ["cause"] = "disk full" });
        await host.Client.WaitForCompletionAsync(instance, CancellationToken.None);

        JsonObject described = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = execution });
        Assert.Equal("FAILED", (string?)described["status"]);
        Assert.Equal("Job.Broken", (string?)described["error"]);
        JsonArray events = (await host.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = execution }))["events"]!.AsArray();
        JsonNode failed = events.Single(e => (string?)e!["type"] == "ActivityFailed")!;
        Assert.Equal("Job.Broken", (string?)failed["activityFailedEventDetails"]!["error"]);
        Assert.Equal("disk full", (string?)failed["activityFailedEventDetails"]!["cause"]);
        Assert.Null(events.SingleOrDefault(e => (string?)e!["type"] == "ActivityStarted")!["activityStartedEventDetails"]);
        await host.ErrorAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = task["taskToken"]!.DeepClone(), ["output"] = "{}" }, ApiErrorTypes.TaskTimedOut);
    }

    [Fact]
    public async Task ActivityTask_NobodyTakesIt_StatesTimeoutNotHeartbeat()
    {
        var (_, execution, instance) = await StartAsync("act-timeout", "activity-timeout", "{}");

        await host.Client.WaitForCompletionAsync(instance, CancellationToken.None);

        JsonObject described = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = execution });
        Assert.Equal("FAILED", (string?)described["status"]);
        Assert.Equal("States.Timeout", (string?)described["error"]);
        JsonArray events = (await host.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = execution }))["events"]!.AsArray();
        Assert.Equal(
            ["ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityTimedOut", "ExecutionFailed"],
            events.Select(e => (string)e!["type"]!));
        Assert.Equal("States.Timeout", (string?)events[3]!["activityTimedOutEventDetails"]!["error"]);
        Assert.Equal(1, (int)events[2]!["activityScheduledEventDetails"]!["heartbeatInSeconds"]!);
    }

    [Fact]
    public async Task ActivityTask_TakenWithoutHeartbeat_StatesHeartbeatTimeout()
    {
        var (arn, execution, instance) = await StartAsync("act-heartbeat", "activity-heartbeat", "{}");

        JsonObject task = await host.OkAsync("GetActivityTask", new JsonObject { ["activityArn"] = arn, ["workerName"] = "slow" });
        await host.Client.WaitForCompletionAsync(instance, CancellationToken.None);

        Assert.NotNull((string?)task["taskToken"]);
        JsonObject described = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = execution });
        Assert.Equal("States.HeartbeatTimeout", (string?)described["error"]);
        JsonArray events = (await host.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = execution }))["events"]!.AsArray();
        Assert.Equal(
            ["ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivityTimedOut", "ExecutionFailed"],
            events.Select(e => (string)e!["type"]!));
    }

    [Fact]
    public async Task ActivityTask_UnknownActivity_StatesRuntime()
    {
        string machine = (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "act-missing", ["roleArn"] = ApiTestCalls.Role,
            ["definition"] = ApiTestCalls.Definition("activity").Replace("ACTIVITY_ARN", Prefix + "act-never-created", StringComparison.Ordinal),
        }))["stateMachineArn"]!;
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "r", ["input"] = """{"job":1}""" });
        await host.Client.WaitForCompletionAsync("act-missing:r", CancellationToken.None);

        JsonObject described = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() });
        Assert.Equal("States.Runtime", (string?)described["error"]);
        Assert.Contains("Activity Does Not Exist", (string?)described["cause"], StringComparison.Ordinal);
    }

    private async Task<(string Activity, string Execution, string Instance)> StartAsync(string name, string definition, string input)
    {
        string activity = (string)(await host.OkAsync("CreateActivity", new JsonObject { ["name"] = name }))["activityArn"]!;
        string machine = (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["roleArn"] = ApiTestCalls.Role,
            ["definition"] = ApiTestCalls.Definition(definition).Replace("ACTIVITY_ARN", activity, StringComparison.Ordinal),
        }))["stateMachineArn"]!;
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "run", ["input"] = input });
        return (activity, (string)started["executionArn"]!, name + ":run");
    }
}
