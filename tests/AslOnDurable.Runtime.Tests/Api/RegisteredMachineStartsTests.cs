using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Scheduling;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>Starting registered state machines by name from HTTP and queue messages, through the API's StartExecution.</summary>
public sealed class RegisteredMachineStartsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private const string Prefix = "arn:aws:states:us-east-1:123456789012";
    private readonly StepFunctionsSelfHost host = fixture.Host;
    private readonly RegisteredMachineStarts starts = new(fixture.Host.Dispatcher, new ApiOptions());

    [Fact]
    public async Task StartAsync_RegisteredMachine_AcceptedWithArnAndStatusUri()
    {
        await host.CreateAsync("http-greet", "greet");

        ApiResponse response = await starts.StartAsync(host.Client, "http-greet", """{"who":"http"}""", "run-1", "https://app/api/statemachines/http-greet/executions", CancellationToken.None);

        Assert.Equal(202, response.StatusCode);
        JsonNode body = JsonNode.Parse(response.Body)!;
        Assert.Equal($"{Prefix}:execution:http-greet:run-1", (string?)body["executionArn"]);
        Assert.Equal("run-1", (string?)body["name"]);
        Assert.Equal("https://app/api/statemachines/http-greet/executions/run-1", (string?)body["statusUri"]);
        Assert.NotNull(body["startDate"]);
        await host.Client.WaitForCompletionAsync("http-greet:run-1", CancellationToken.None);
        ApiResponse described = await starts.DescribeAsync(host.Client, "http-greet", "run-1", CancellationToken.None);
        Assert.Equal(200, described.StatusCode);
        Assert.Equal("SUCCEEDED", (string?)JsonNode.Parse(described.Body)!["status"]);
    }

    [Fact]
    public async Task StartAsync_EmptyBodyNoName_InputIsEmptyObjectAndANameIsMade()
    {
        await host.CreateAsync("http-empty", "greet");

        ApiResponse response = await starts.StartAsync(host.Client, "http-empty", "", null, "https://app/x", CancellationToken.None);

        Assert.Equal(202, response.StatusCode);
        string name = (string)JsonNode.Parse(response.Body)!["name"]!;
        Assert.False(string.IsNullOrEmpty(name));
        await host.Client.WaitForCompletionAsync("http-empty:" + name, CancellationToken.None);
    }

    [Fact]
    public async Task StartAsync_UnknownMachine_TheApisError()
    {
        ApiResponse response = await starts.StartAsync(host.Client, "nobody", "{}", null, "https://app/x", CancellationToken.None);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(ApiErrorTypes.StateMachineDoesNotExist, (string?)JsonNode.Parse(response.Body)!["__type"]);
    }

    [Fact]
    public async Task DescribeAsync_UnknownExecution_NotFound()
    {
        await host.CreateAsync("http-describe", "greet");

        ApiResponse response = await starts.DescribeAsync(host.Client, "http-describe", "never", CancellationToken.None);

        Assert.Equal(404, response.StatusCode);
    }

    [Fact]
    public async Task StartFromMessageAsync_DeliveredTwice_OneExecutionNamedAfterTheMessage()
    {
        string machine = await host.CreateAsync("queue-greet", "greet");
        string message = new JsonObject { ["stateMachineArn"] = machine, ["input"] = new JsonObject { ["who"] = "queue" } }.ToJsonString();

        QueueStartOutcome first = await starts.StartFromMessageAsync(host.Client, message, "m-1", CancellationToken.None);
        await host.Client.WaitForCompletionAsync("queue-greet:queue-m-1", CancellationToken.None);
        QueueStartOutcome again = await starts.StartFromMessageAsync(host.Client, message, "m-1", CancellationToken.None);

        Assert.Equal(QueueStartKind.Started, first.Kind);
        Assert.Equal($"{Prefix}:execution:queue-greet:queue-m-1", first.Detail);
        Assert.Equal(QueueStartKind.AlreadyStarted, again.Kind);
        JsonObject listed = await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine });
        Assert.Single(listed["executions"]!.AsArray());
    }

    [Fact]
    public async Task StartFromMessageAsync_ByNameWithExecutionName_StartsThatName()
    {
        await host.CreateAsync("queue-named", "greet");

        QueueStartOutcome outcome = await starts.StartFromMessageAsync(
            host.Client, """{"stateMachineName":"queue-named","input":"{\"who\":\"text\"}","name":"given"}""", "m-2", CancellationToken.None);

        Assert.Equal(QueueStartKind.Started, outcome.Kind);
        Assert.EndsWith(":queue-named:given", outcome.Detail, StringComparison.Ordinal);
        await host.Client.WaitForCompletionAsync("queue-named:given", CancellationToken.None);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[1]", "JSON object")]
    [InlineData("""{"input":{}}""", "exactly one")]
    [InlineData("""{"stateMachineName":"a","stateMachineArn":"b"}""", "exactly one")]
    [InlineData("""{"stateMachineName":7}""", "exactly one")]
    [InlineData("""{"stateMachineName":"queue-poison","name":5}""", "\"name\"")]
    [InlineData("""{"stateMachineName":"no-such-machine"}""", "StateMachineDoesNotExist")]
    [InlineData("""{"stateMachineName":"queue-poison","input":"{broken"}""", "InvalidExecutionInput")]
    [InlineData("""{"stateMachineName":"queue-poison","name":"has space"}""", "InvalidName")]
    public async Task StartFromMessageAsync_Refused_PoisonWithAReadableReason(string message, string reasonPart)
    {
        await host.OkAsync("CreateStateMachine", new JsonObject { ["name"] = "queue-poison", ["definition"] = ApiTestCalls.Definition("greet"), ["roleArn"] = ApiTestCalls.Role });

        QueueStartOutcome outcome = await starts.StartFromMessageAsync(host.Client, message, "m-poison", CancellationToken.None);

        Assert.Equal(QueueStartKind.Poison, outcome.Kind);
        Assert.Contains(reasonPart, outcome.Detail, StringComparison.Ordinal);
        JsonNode record = JsonNode.Parse(RegisteredMachineStarts.PoisonRecord(message, "m-poison", outcome.Detail))!;
        Assert.Equal(message, (string?)record["message"]);
        Assert.Equal("m-poison", (string?)record["messageId"]);
    }

    [Fact]
    public async Task StartScheduledAsync_SlotFiredAgainAfterItEnded_StartsOnceByVersionArn()
    {
        string machine = await host.CreateAsync("scheduled-greet", "greet");
        string version = (string)(await host.OkAsync("PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine }))["stateMachineVersionArn"]!;
        ScheduleConfiguration config = ScheduleConfiguration.Parse(
            $$$"""{"Schedules": [{"Name": "greet-hourly", "ScheduleExpression": "rate(1 hour)", "Target": {"Arn": "{{{version}}}", "Input": "{\"who\": \"<aws.scheduler.scheduled-time>\"}"}}]}""");
        var runner = new ScheduleRunner(config, new RegisteredMachineScheduleSink(starts, host.Client));
        DateTimeOffset tick = new(2027, 1, 1, 10, 0, 5, TimeSpan.Zero);

        ScheduleSlotResult first = Assert.Single(await runner.RunDueAsync(tick, CancellationToken.None));
        await host.Client.WaitForCompletionAsync("scheduled-greet:" + first.ExecutionName, CancellationToken.None);
        ScheduleSlotResult again = Assert.Single(await runner.RunDueAsync(tick.AddMinutes(1), CancellationToken.None));

        Assert.Equal(ScheduleSlotOutcome.Started, first.Outcome);
        Assert.Equal(ScheduleSlotOutcome.AlreadyStarted, again.Outcome);
        JsonObject described = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = $"{Prefix}:execution:scheduled-greet:greet-hourly-20270101T100000Z" });
        Assert.Equal(version, (string?)described["stateMachineVersionArn"]);
        Assert.Equal("""{"who": "2027-01-01T10:00:00Z"}""", (string?)described["input"]);
        JsonObject listed = await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine });
        Assert.Single(listed["executions"]!.AsArray());
    }

    [Fact]
    public async Task StartScheduledAsync_UnknownMachine_ThrowsWithTheApisError()
    {
        ScheduleConfiguration config = ScheduleConfiguration.Parse(
            $$$"""{"Schedules": [{"Name": "nobody-hourly", "ScheduleExpression": "rate(1 hour)", "Target": {"Arn": "{{{Prefix}}}:stateMachine:nobody"}}]}""");
        var runner = new ScheduleRunner(config, new RegisteredMachineScheduleSink(starts, host.Client));

        ScheduleSlotResult result = Assert.Single(await runner.RunDueAsync(new DateTimeOffset(2027, 1, 1, 10, 0, 0, TimeSpan.Zero), CancellationToken.None));

        Assert.Equal(ScheduleSlotOutcome.Failed, result.Outcome);
        Assert.Contains("StateMachineDoesNotExist", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"stateMachineName":"x"}""", true)]
    [InlineData("""{"stateMachineArn":"x","input":{}}""", true)]
    [InlineData("""{"definition":{},"stateMachineName":"x"}""", false)]
    [InlineData("""{"definition":{}}""", false)]
    [InlineData("nope", false)]
    public void NamesMachine_TellsRegisteredStartsFromDefinitionStarts(string message, bool expected)
    {
        Assert.Equal(expected, RegisteredMachineStarts.NamesMachine(message));
    }
}
