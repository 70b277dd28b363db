using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>RedriveExecution on the embedded durable backend, with a Task handler that fails each resource's first call.</summary>
public sealed class RedriveExecutionTests : IAsyncLifetime
{
    private readonly FailsOnceHandler handler = new();
    private StepFunctionsSelfHost host = null!;

    public async Task InitializeAsync() =>
        host = await StepFunctionsSelfHost.StartAsync(
            new SelfHostOptions(), new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None,
            configureServices: services => services.AddSingleton<ITaskHandler>(handler));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task RedriveExecution_FailedTask_SucceedsWithoutRerunningEarlierStates()
    {
        string machine = await host.CreateAsync("redrive-flaky", "redrive-flaky");
        JsonObject arn = await StartAndWaitAsync(machine, "r1", "redrive-flaky:r1");
        JsonObject failed = await host.OkAsync("DescribeExecution", Copy(arn));
        Assert.Equal("FAILED", (string?)failed["status"]);
        Assert.Equal("REDRIVABLE", (string?)failed["redriveStatus"]);
        Assert.Equal(0, (int)failed["redriveCount"]!);
        Assert.Null(failed["redriveDate"]);

        JsonObject redriven = await host.OkAsync("RedriveExecution", Copy(arn));
        await host.Client.WaitForCompletionAsync("redrive-flaky:r1", CancellationToken.None);

        Assert.NotNull(redriven["redriveDate"]);
        JsonObject described = await host.OkAsync("DescribeExecution", Copy(arn));
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal(1, (int)described["redriveCount"]!);
        Assert.Equal(redriven["redriveDate"]!.GetValue<decimal>(), described["redriveDate"]!.GetValue<decimal>());
        Assert.Equal("NOT_REDRIVABLE", (string?)described["redriveStatus"]);
        Assert.Contains("SUCCEEDED", (string?)described["redriveStatusReason"], StringComparison.Ordinal);
        Assert.Null(described["error"]);
        Assert.Equal(
            """{"work":{"step":"prepared","attempt":2},"token":"kept","redrives":1}""",
            (string?)described["output"]);
        Assert.Equal(2, handler.Calls("flaky"));

        JsonArray events = (await host.OkAsync("GetExecutionHistory", Copy(arn)))["events"]!.AsArray();
        string[] types = [.. events.Select(e => (string)e!["type"]!)];
        Assert.Single(events, e => (string?)e!["stateEnteredEventDetails"]?["name"] == "Prepare");
        int failedAt = Array.IndexOf(types, "ExecutionFailed");
        Assert.Equal("ExecutionRedriven", types[failedAt + 1]);
        Assert.Equal("TaskStateEntered", types[failedAt + 2]);
        Assert.Equal("ExecutionSucceeded", types[^1]);
        JsonObject redrivenEvent = events[failedAt + 1]!.AsObject();
        Assert.Equal(1, (int)redrivenEvent["executionRedrivenEventDetails"]!["redriveCount"]!);
        Assert.Equal((long)events[failedAt]!["id"]!, (long)redrivenEvent["previousEventId"]!);
        Assert.Equal((long)redrivenEvent["id"]!, (long)events[failedAt + 2]!["previousEventId"]!);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => (long)e!["id"]!));
        Assert.Equal("\"kept\"", (string?)events[2]!["stateExitedEventDetails"]!["assignedVariables"]!["token"]);
        JsonObject withoutData = Copy(arn);
        withoutData["includeExecutionData"] = false;
        JsonObject exited = (await host.OkAsync("GetExecutionHistory", withoutData))["events"]![2]!["stateExitedEventDetails"]!.AsObject();
        Assert.Equal(["name"], exited.Select(p => p.Key));

        JsonObject listed = await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["redriveFilter"] = "REDRIVEN" });
        JsonObject notListed = await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["redriveFilter"] = "NOT_REDRIVEN" });
        Assert.Equal(1, (int)listed["executions"]!.AsArray().Single()!["redriveCount"]!);
        Assert.Empty(notListed["executions"]!.AsArray());
        await host.ErrorAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["redriveFilter"] = "SOME" }, ApiErrorTypes.ValidationException);
    }

    [Fact]
    public async Task RedriveExecution_Stopped_RunsTheStoppedStateAgainAfterExecutionAborted()
    {
        string machine = await host.CreateAsync("redrive-stopped", "wait-hour");
        JsonObject arn = new() { ["executionArn"] = (string)(await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "s" }))["executionArn"]! };
        await host.OkAsync("StopExecution", Copy(arn));
        await host.Client.WaitForCompletionAsync("redrive-stopped:s", CancellationToken.None);
        Assert.Equal("REDRIVABLE", (string?)(await host.OkAsync("DescribeExecution", Copy(arn)))["redriveStatus"]);

        await host.OkAsync("RedriveExecution", Copy(arn));

        JsonObject running = await host.OkAsync("DescribeExecution", Copy(arn));
        Assert.Equal("RUNNING", (string?)running["status"]);
        Assert.Null(running["stopDate"]);
        Assert.Equal("NOT_REDRIVABLE", (string?)running["redriveStatus"]);
        JsonObject error = await host.ErrorAsync("RedriveExecution", Copy(arn), ApiErrorTypes.ExecutionNotRedrivable);
        Assert.Contains("RUNNING", (string?)error["message"], StringComparison.Ordinal);
        string[] types = await HistoryTypesAsync(arn, expectedLast: "WaitStateEntered");
        Assert.Equal(["ExecutionStarted", "WaitStateEntered", "ExecutionAborted", "ExecutionRedriven", "WaitStateEntered"], types);

        await host.OkAsync("StopExecution", Copy(arn));
        await host.Client.WaitForCompletionAsync("redrive-stopped:s", CancellationToken.None);
        Assert.Equal("ABORTED", (string?)(await host.OkAsync("DescribeExecution", Copy(arn)))["status"]);
    }

    [Fact]
    public async Task RedriveExecution_TimedOut_TimeoutStartsOverAndTimesOutAgain()
    {
        string machine = await host.CreateAsync("redrive-timeout", "timeout-hold");
        JsonObject arn = await StartAndWaitAsync(machine, "t", "redrive-timeout:t");
        Assert.Equal("TIMED_OUT", (string?)(await host.OkAsync("DescribeExecution", Copy(arn)))["status"]);

        await host.OkAsync("RedriveExecution", Copy(arn));
        await host.Client.WaitForCompletionAsync("redrive-timeout:t", CancellationToken.None);

        JsonObject described = await host.OkAsync("DescribeExecution", Copy(arn));
        Assert.Equal("TIMED_OUT", (string?)described["status"]);
        Assert.Equal(1, (int)described["redriveCount"]!);
        Assert.Equal("REDRIVABLE", (string?)described["redriveStatus"]);
        JsonArray events = (await host.OkAsync("GetExecutionHistory", Copy(arn)))["events"]!.AsArray();
        Assert.Equal(
            ["ExecutionStarted", "WaitStateEntered", "ExecutionTimedOut", "ExecutionRedriven", "WaitStateEntered", "ExecutionTimedOut"],
            events.Select(e => (string)e!["type"]!));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => (long)e!["id"]!));
    }

    [Fact]
    public async Task RedriveExecution_SameClientToken_AnswersTheSameRedriveOnce()
    {
        string machine = await host.CreateAsync("redrive-token", "wait-hour");
        JsonObject arn = new() { ["executionArn"] = (string)(await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "t" }))["executionArn"]! };
        await host.OkAsync("StopExecution", Copy(arn));
        await host.Client.WaitForCompletionAsync("redrive-token:t", CancellationToken.None);
        JsonObject request = Copy(arn);
        request["clientToken"] = "token-1";

        JsonObject first = await host.OkAsync("RedriveExecution", request);
        JsonObject again = await host.OkAsync("RedriveExecution", (JsonObject)request.DeepClone());

        Assert.Equal(first["redriveDate"]!.GetValue<decimal>(), again["redriveDate"]!.GetValue<decimal>());
        Assert.Equal(1, (int)(await host.OkAsync("DescribeExecution", Copy(arn)))["redriveCount"]!);
        await host.OkAsync("StopExecution", Copy(arn));
        await host.Client.WaitForCompletionAsync("redrive-token:t", CancellationToken.None);
    }

    [Fact]
    public async Task RedriveExecution_SucceededOrExpress_ExecutionNotRedrivableWithReason()
    {
        string machine = await host.CreateAsync("redrive-done", "greet");
        JsonObject arn = await StartAndWaitAsync(machine, "ok", "redrive-done:ok", """{"who":"x"}""");
        JsonObject error = await host.ErrorAsync("RedriveExecution", Copy(arn), ApiErrorTypes.ExecutionNotRedrivable);
        Assert.Contains("SUCCEEDED", (string?)error["message"], StringComparison.Ordinal);

        string express = await host.CreateAsync("redrive-express", "greet", "EXPRESS");
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = express, ["input"] = """{"who":"fail"}""" });
        await host.ErrorAsync("RedriveExecution", new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() }, ApiErrorTypes.ExecutionNotRedrivable);
    }

    [Theory]
    [InlineData("""{}""", ApiErrorTypes.ValidationException)]
    [InlineData("""{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:m:none"}""", ApiErrorTypes.ExecutionDoesNotExist)]
    [InlineData("""{"executionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:m"}""", ApiErrorTypes.InvalidArn)]
    [InlineData("""{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:m:none", "clientToken": ""}""", ApiErrorTypes.ValidationException)]
    [InlineData("""{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:m:none", "clientToken": "has space"}""", ApiErrorTypes.ValidationException)]
    public async Task RedriveExecution_BadRequest_AwsError(string body, string errorType)
    {
        ApiTestCalls.Error(await host.DispatchAsync("AWSStepFunctions.RedriveExecution", body, CancellationToken.None), errorType);
    }

    [Fact]
    public async Task RedriveExecution_ClientTokenTooLong_ValidationException()
    {
        await host.ErrorAsync("RedriveExecution", new JsonObject
        {
            ["executionArn"] = "arn:aws:states:us-east-1:123456789012:execution:m:none", ["clientToken"] = new string('t', 65),
        }, ApiErrorTypes.ValidationException);
    }

    private async Task<JsonObject> StartAndWaitAsync(string machine, string name, string instanceId, string input = "{}")
    {
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = name, ["input"] = input });
        await host.Client.WaitForCompletionAsync(instanceId, CancellationToken.None);
        return new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() };
    }

    /// <summary>The history's event types once its last event is <paramref name="expectedLast"/> (the redriven run records asynchronously).</summary>
    private async Task<string[]> HistoryTypesAsync(JsonObject arn, string expectedLast)
    {
        for (int attempt = 0; ; attempt++)
        {
            JsonArray events = (await host.OkAsync("GetExecutionHistory", Copy(arn)))["events"]!.AsArray();
            string[] types = [.. events.Select(e => (string)e!["type"]!)];
            if ((types.Length > 0 && types[^1] == expectedLast) || attempt == 500)
            {
                return types;
            }

            await Task.Yield();
            await Task.Delay(10);
        }
    }

    private static JsonObject Copy(JsonObject arn) => (JsonObject)arn.DeepClone();
}
