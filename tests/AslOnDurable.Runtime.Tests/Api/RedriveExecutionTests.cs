using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.DependencyInjection;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>RedriveExecution on the embedded durable backend, with a Task handler that fails each resource's first call.</summary>
public sealed class RedriveExecutionTests : IAsyncLifetime
{
    private readonly FlakyTaskHandler handler = new();
    private RedriveTestHost host = null!;

    public async Task InitializeAsync() => host = await RedriveTestHost.StartAsync(handler);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task RedriveExecution_FailedTask_SucceedsWithoutRerunningEarlierStates()
    {
        string machine = await host.Host.CreateAsync("redrive-flaky", "redrive-flaky");
        JsonObject arn = await host.RunAsync(machine, "r1");
        JsonObject failed = await host.OkAsync("DescribeExecution", arn);
        Assert.Equal("FAILED", (string?)failed["status"]);
        Assert.Equal("REDRIVABLE", (string?)failed["redriveStatus"]);
        Assert.Equal(0, (int)failed["redriveCount"]!);
        Assert.Null(failed["redriveDate"]);

        JsonObject redriven = await host.OkAsync("RedriveExecution", arn);
        await host.WaitAsync(arn);

        Assert.NotNull(redriven["redriveDate"]);
        JsonObject described = await host.OkAsync("DescribeExecution", arn);
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

        JsonArray events = (await host.OkAsync("GetExecutionHistory", arn))["events"]!.AsArray();
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
        JsonObject withoutData = RedriveTestHost.Copy(arn);
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
    public async Task RedriveExecution_FourAtOnce_OneRedriveStarts_TheOthersNotRedrivable()
    {
        string machine = await host.Host.CreateAsync("redrive-race", "redrive-flaky");
        JsonObject arn = await host.RunAsync(machine, "r1");

        await RedriveTestHost.RaceRedrivesAsync(arn, "SUCCEEDED", host, host, host, host);

        Assert.Equal(2, handler.Calls("flaky"));
    }

    [Fact]
    public async Task RedriveExecution_RecordedButNotYetStarted_PendingRedriveRefusesAnother()
    {
        string machine = await host.Host.CreateAsync("redrive-pending", "redrive-flaky");
        JsonObject arn = await host.RunAsync(machine, "r1");
        await host.HistoryTypesAsync(arn);
        IExecutionIndex index = host.Host.Services.GetRequiredService<IExecutionIndex>();
        ExecutionRecord read = (await index.GetAsync((string)arn["executionArn"]!, CancellationToken.None))!;
        // What a host that recorded a redrive but has not started its generation yet (or stopped in between) leaves.
        DateTimeOffset claimed = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        ExecutionOutcome failed = await ExecutionOutcomes.OfAsync(read, host.Host.Client, CancellationToken.None);
        Assert.True(await index.ReplaceAsync(read, ExecutionRedrives.Claimed(read, failed, claimed), CancellationToken.None));

        JsonObject refused = await host.ErrorAsync("RedriveExecution", arn, ApiErrorTypes.ExecutionNotRedrivable);
        JsonObject described = await host.DescribeAsync(arn);
        JsonObject listed = (await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine }))["executions"]![0]!.AsObject();

        // AWS's words (DescribeExecution's redriveStatusReason, RedriveExecution's ExecutionNotRedrivable).
        Assert.Contains("Execution is RUNNING and cannot be redriven.", (string?)refused["message"], StringComparison.Ordinal);
        Assert.Equal("Execution is RUNNING and cannot be redriven.", (string?)described["redriveStatusReason"]);
        Assert.Equal("PENDING_REDRIVE", (string?)described["status"]);
        Assert.Null(described["stopDate"]);
        Assert.Equal(0, (int)described["redriveCount"]!); // AWS counts no redrive that is pending
        Assert.Equal("NOT_REDRIVABLE", (string?)described["redriveStatus"]);
        Assert.Equal("PENDING_REDRIVE", (string?)listed["status"]);
        Assert.Null(listed["stopDate"]);
        Assert.Equal(0, (int)listed["redriveCount"]!);
        Assert.Equal(1, handler.Calls("flaky"));
    }

    [Fact]
    public async Task RedriveExecution_EarlierGenerationStampedClosedAfterTheRedriveDate_PendingRedriveNotRedrivable()
    {
        // What a stop the backend processes late leaves: the redrive is recorded (and its start asked for) while the
        // backend stamps the earlier generation's closing a millisecond after the redrive's date.
        string machine = await host.Host.CreateAsync("redrive-late-stamp", "wait-hour");
        JsonObject arn = await host.StartAsync(machine, "s");
        await host.HistoryTypesAsync(arn, expectedLast: "WaitStateEntered");
        await Task.Delay(20); // the generation is created well before the redrive date below
        await host.OkAsync("StopExecution", arn);
        await host.WaitAsync(arn);
        IExecutionIndex index = host.Host.Services.GetRequiredService<IExecutionIndex>();
        ExecutionRecord read = (await index.GetAsync((string)arn["executionArn"]!, CancellationToken.None))!;
        ExecutionSnapshot aborted = (await host.Host.Client.GetAsync(read.InstanceId, CancellationToken.None))!;
        DateTimeOffset redriven = DateTimeOffset.FromUnixTimeMilliseconds(aborted.LastUpdatedAt.ToUnixTimeMilliseconds() - 1);
        Assert.True(await index.ReplaceAsync(read, read with { RedriveCount = 1, RedriveDate = redriven }, CancellationToken.None));

        JsonObject described = await host.DescribeAsync(arn);
        JsonObject refused = await host.ErrorAsync("RedriveExecution", arn, ApiErrorTypes.ExecutionNotRedrivable);

        Assert.Equal("PENDING_REDRIVE", (string?)described["status"]);
        Assert.Null(described["stopDate"]);
        Assert.Equal(0, (int)described["redriveCount"]!);
        Assert.Equal("NOT_REDRIVABLE", (string?)described["redriveStatus"]);
        Assert.Contains("RUNNING", (string?)described["redriveStatusReason"], StringComparison.Ordinal);
        Assert.Contains("RUNNING", (string?)refused["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedriveExecution_Stopped_RunsTheStoppedStateAgainAfterExecutionAborted()
    {
        string machine = await host.Host.CreateAsync("redrive-stopped", "wait-hour");
        JsonObject arn = await host.StartAsync(machine, "s");
        await host.OkAsync("StopExecution", arn);
        await host.WaitAsync(arn);
        Assert.Equal("REDRIVABLE", (string?)(await host.OkAsync("DescribeExecution", arn))["redriveStatus"]);

        await host.OkAsync("RedriveExecution", arn);

        JsonObject running = await host.WaitRedriveStartedAsync(arn);
        Assert.Equal("RUNNING", (string?)running["status"]);
        Assert.Null(running["stopDate"]);
        Assert.Equal("NOT_REDRIVABLE", (string?)running["redriveStatus"]);
        JsonObject error = await host.ErrorAsync("RedriveExecution", arn, ApiErrorTypes.ExecutionNotRedrivable);
        Assert.Contains("RUNNING", (string?)error["message"], StringComparison.Ordinal);
        string[] types = await host.HistoryTypesAsync(arn, expectedLast: "WaitStateEntered");
        Assert.Equal(["ExecutionStarted", "WaitStateEntered", "ExecutionAborted", "ExecutionRedriven", "WaitStateEntered"], types);

        await host.OkAsync("StopExecution", arn);
        await host.WaitAsync(arn);
        Assert.Equal("ABORTED", (string?)(await host.OkAsync("DescribeExecution", arn))["status"]);
    }

    [Fact]
    public async Task RedriveExecution_TimedOut_TimeoutStartsOverAndTimesOutAgain()
    {
        string machine = await host.Host.CreateAsync("redrive-timeout", "timeout-hold");
        JsonObject arn = await host.RunAsync(machine, "t");
        Assert.Equal("TIMED_OUT", (string?)(await host.OkAsync("DescribeExecution", arn))["status"]);

        await host.OkAsync("RedriveExecution", arn);
        await host.WaitAsync(arn);

        JsonObject described = await host.OkAsync("DescribeExecution", arn);
        Assert.Equal("TIMED_OUT", (string?)described["status"]);
        Assert.Equal(1, (int)described["redriveCount"]!);
        Assert.Equal("REDRIVABLE", (string?)described["redriveStatus"]);
        JsonArray events = (await host.OkAsync("GetExecutionHistory", arn))["events"]!.AsArray();
        Assert.Equal(
            ["ExecutionStarted", "WaitStateEntered", "ExecutionTimedOut", "ExecutionRedriven", "WaitStateEntered", "ExecutionTimedOut"],
            events.Select(e => (string)e!["type"]!));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => (long)e!["id"]!));
    }

    [Fact]
    public async Task RedriveExecution_SameClientToken_AnswersTheSameRedriveOnce()
    {
        string machine = await host.Host.CreateAsync("redrive-token", "wait-hour");
        JsonObject arn = await host.StartAsync(machine, "t");
        await host.OkAsync("StopExecution", arn);
        await host.WaitAsync(arn);
        JsonObject request = RedriveTestHost.Copy(arn);
        request["clientToken"] = "token-1";

        JsonObject first = await host.OkAsync("RedriveExecution", request);
        JsonObject again = await host.OkAsync("RedriveExecution", request);

        Assert.Equal(first["redriveDate"]!.GetValue<decimal>(), again["redriveDate"]!.GetValue<decimal>());
        Assert.Equal(1, (int)(await host.OkAsync("DescribeExecution", arn))["redriveCount"]!);
        await host.OkAsync("StopExecution", arn);
        await host.WaitAsync(arn);
    }

    [Fact]
    public async Task RedriveExecution_SucceededOrExpress_ExecutionNotRedrivableWithReason()
    {
        string machine = await host.Host.CreateAsync("redrive-done", "greet");
        JsonObject arn = await host.RunAsync(machine, "ok", """{"who":"x"}""");
        JsonObject error = await host.ErrorAsync("RedriveExecution", arn, ApiErrorTypes.ExecutionNotRedrivable);
        Assert.Contains("SUCCEEDED", (string?)error["message"], StringComparison.Ordinal);

        string express = await host.Host.CreateAsync("redrive-express", "greet", "EXPRESS");
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
        ApiTestCalls.Error(await host.Host.DispatchAsync("AWSStepFunctions.RedriveExecution", body, CancellationToken.None), errorType);
    }

    [Fact]
    public async Task RedriveExecution_ClientTokenTooLong_ValidationException()
    {
        await host.ErrorAsync("RedriveExecution", new JsonObject
        {
            ["executionArn"] = "arn:aws:states:us-east-1:123456789012:execution:m:none", ["clientToken"] = new string('t', 65),
        }, ApiErrorTypes.ValidationException);
    }
}
