using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Testing;
using Moq;

namespace AslOnDurable.Runtime.Tests.Api;

public sealed class ExecutionOperationsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private readonly StepFunctionsSelfHost host = fixture.Host;

    [Fact]
    public async Task StartExecution_Standard_RunsDurablyAndDescribeShowsOutput()
    {
        string machine = await host.CreateAsync("exec-greet", "greet");

        JsonObject started = await host.OkAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = machine, ["name"] = "run-1", ["input"] = """{"who":"world"}""",
        });
        await host.Client.WaitForCompletionAsync("exec-greet:run-1", CancellationToken.None);

        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:exec-greet:run-1", (string?)started["executionArn"]);
        JsonObject described = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() });
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("run-1", (string?)described["name"]);
        Assert.Equal(machine, (string?)described["stateMachineArn"]);
        Assert.Equal("""{"who":"world"}""", (string?)described["input"]);
        Assert.Equal("""{"greeting":"Hello, world!"}""", (string?)described["output"]);
        Assert.True((bool)described["outputDetails"]!["included"]!);
        Assert.NotNull(described["stopDate"]);
    }

    [Fact]
    public async Task StartExecution_SameNameInTwoMachines_TwoDistinctExecutions()
    {
        string a = await host.CreateAsync("twin-a", "greet");
        string b = await host.CreateAsync("twin-b", "greet");

        JsonObject first = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = a, ["name"] = "same", ["input"] = """{"who":"a"}""" });
        JsonObject second = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = b, ["name"] = "same", ["input"] = """{"who":"b"}""" });
        await host.Client.WaitForCompletionAsync("twin-a:same", CancellationToken.None);
        await host.Client.WaitForCompletionAsync("twin-b:same", CancellationToken.None);

        Assert.NotEqual((string?)first["executionArn"], (string?)second["executionArn"]);
        JsonObject da = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = first["executionArn"]!.DeepClone() });
        JsonObject db = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = second["executionArn"]!.DeepClone() });
        Assert.Equal("""{"greeting":"Hello, a!"}""", (string?)da["output"]);
        Assert.Equal("""{"greeting":"Hello, b!"}""", (string?)db["output"]);
    }

    [Fact]
    public async Task StartExecution_SameNameAndInputWhileRunning_SameArnElseAlreadyExists()
    {
        string machine = await host.CreateAsync("idem-wait", "wait-hour");
        JsonObject request = new() { ["stateMachineArn"] = machine, ["name"] = "once", ["input"] = "{}" };

        JsonObject first = await host.OkAsync("StartExecution", request);
        JsonObject again = await host.OkAsync("StartExecution", (JsonObject)request.DeepClone());

        Assert.Equal((string?)first["executionArn"], (string?)again["executionArn"]);
        Assert.Equal(first["startDate"]!.GetValue<decimal>(), again["startDate"]!.GetValue<decimal>());
        await host.ErrorAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = machine, ["name"] = "once", ["input"] = """{"other":1}""",
        }, ApiErrorTypes.ExecutionAlreadyExists);
        await host.OkAsync("StopExecution", new JsonObject { ["executionArn"] = first["executionArn"]!.DeepClone() });
        await host.Client.WaitForCompletionAsync("idem-wait:once", CancellationToken.None);
        await host.ErrorAsync("StartExecution", (JsonObject)request.DeepClone(), ApiErrorTypes.ExecutionAlreadyExists);
    }

    [Theory]
    [InlineData("""{"name": "x"}""", ApiErrorTypes.ValidationException)]
    [InlineData("""{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:none"}""", ApiErrorTypes.StateMachineDoesNotExist)]
    [InlineData("""{"stateMachineArn": "arn:aws:states:us-east-1:123456789012:execution:a:b"}""", ApiErrorTypes.InvalidArn)]
    public async Task StartExecution_BadMachine_AwsError(string body, string errorType)
    {
        ApiTestCalls.Error(await host.DispatchAsync("AWSStepFunctions.StartExecution", body, CancellationToken.None), errorType);
    }

    [Fact]
    public async Task StartExecution_BadNameOrInput_AwsErrorAndNothingListed()
    {
        string machine = await host.CreateAsync("exec-bad", "greet");

        await host.ErrorAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "bad/name" }, ApiErrorTypes.InvalidName);
        await host.ErrorAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = "{not json" }, ApiErrorTypes.InvalidExecutionInput);
        await host.ErrorAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = machine, ["input"] = "\"" + new string('x', 262_144) + "\"",
        }, ApiErrorTypes.InvalidExecutionInput);

        JsonObject listed = await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine });
        Assert.Empty(listed["executions"]!.AsArray());
    }

    [Fact]
    public async Task StartExecution_NoName_UuidName()
    {
        string machine = await host.CreateAsync("exec-noname", "greet");

        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine });

        string name = ((string)started["executionArn"]!).Split(':')[^1];
        Assert.True(Guid.TryParse(name, out _));
        await host.Client.WaitForCompletionAsync("exec-noname:" + name, CancellationToken.None);
    }

    [Fact]
    public async Task DescribeExecution_Failed_ErrorAndCauseNoOutput()
    {
        string machine = await host.CreateAsync("exec-fail", "greet");
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "f", ["input"] = """{"who":"fail"}""" });
        await host.Client.WaitForCompletionAsync("exec-fail:f", CancellationToken.None);

        JsonObject described = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() });

        Assert.Equal("FAILED", (string?)described["status"]);
        Assert.Equal("Greeting.Refused", (string?)described["error"]);
        Assert.Equal("asked to fail", (string?)described["cause"]);
        Assert.Null(described["output"]);
    }

    [Theory]
    [InlineData("arn:aws:states:us-east-1:123456789012:execution:m:none", ApiErrorTypes.ExecutionDoesNotExist)]
    [InlineData("arn:aws:states:us-east-1:123456789012:execution:m", ApiErrorTypes.InvalidArn)]
    [InlineData("arn:aws:states:us-east-1:123456789012:stateMachine:m", ApiErrorTypes.InvalidArn)]
    public async Task ExecutionActions_UnknownOrMalformedArn_AwsError(string arn, string errorType)
    {
        foreach (string action in new[] { "DescribeExecution", "DescribeStateMachineForExecution", "StopExecution", "GetExecutionHistory" })
        {
            await host.ErrorAsync(action, new JsonObject { ["executionArn"] = arn }, errorType);
        }
    }

    [Fact]
    public async Task StopExecution_Running_AbortedWithErrorCauseAndHistoryEvent()
    {
        string machine = await host.CreateAsync("stop-me", "wait-hour");
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "s" });
        JsonObject arn = new() { ["executionArn"] = started["executionArn"]!.DeepClone() };

        JsonObject stopped = await host.OkAsync("StopExecution", new JsonObject
        {
            ["executionArn"] = started["executionArn"]!.DeepClone(), ["error"] = "Manual", ["cause"] = "no longer needed",
        });
        await host.Client.WaitForCompletionAsync("stop-me:s", CancellationToken.None);

        Assert.NotNull(stopped["stopDate"]);
        JsonObject described = await host.OkAsync("DescribeExecution", (JsonObject)arn.DeepClone());
        Assert.Equal("ABORTED", (string?)described["status"]);
        Assert.Equal("Manual", (string?)described["error"]);
        Assert.Equal("no longer needed", (string?)described["cause"]);
        JsonObject history = await host.OkAsync("GetExecutionHistory", (JsonObject)arn.DeepClone());
        JsonObject last = history["events"]!.AsArray()[^1]!.AsObject();
        Assert.Equal("ExecutionAborted", (string?)last["type"]);
        Assert.Equal("Manual", (string?)last["executionAbortedEventDetails"]!["error"]);
        await host.ErrorAsync("StopExecution", new JsonObject
        {
            ["executionArn"] = started["executionArn"]!.DeepClone(), ["error"] = new string('e', 257),
        }, ApiErrorTypes.ValidationException);
    }

    [Fact]
    public async Task ListExecutions_StatusFilterAndPaging_NewestFirst()
    {
        string machine = await host.CreateAsync("list-exec", "greet");
        for (int i = 0; i < 3; i++)
        {
            await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = $"ok-{i}", ["input"] = """{"who":"x"}""" });
            await host.Client.WaitForCompletionAsync($"list-exec:ok-{i}", CancellationToken.None);
        }

        await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "bad", ["input"] = """{"who":"fail"}""" });
        await host.Client.WaitForCompletionAsync("list-exec:bad", CancellationToken.None);

        JsonObject failed = await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["statusFilter"] = "FAILED" });
        JsonObject page1 = await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["statusFilter"] = "SUCCEEDED", ["maxResults"] = 2 });
        JsonObject page2 = await host.OkAsync("ListExecutions", new JsonObject
        {
            ["stateMachineArn"] = machine, ["statusFilter"] = "SUCCEEDED", ["maxResults"] = 2, ["nextToken"] = page1["nextToken"]!.DeepClone(),
        });

        Assert.Equal(["bad"], failed["executions"]!.AsArray().Select(e => (string)e!["name"]!));
        string[] succeeded = [.. page1["executions"]!.AsArray().Concat(page2["executions"]!.AsArray()).Select(e => (string)e!["name"]!)];
        Assert.Equal(["ok-0", "ok-1", "ok-2"], succeeded.Order(StringComparer.Ordinal));
        Assert.Null(page2["nextToken"]);
        await host.ErrorAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["statusFilter"] = "DONE" }, ApiErrorTypes.ValidationException);
        await host.ErrorAsync("ListExecutions", new JsonObject
        {
            ["stateMachineArn"] = machine, ["statusFilter"] = "FAILED", ["nextToken"] = page1["nextToken"]!.DeepClone(),
        }, ApiErrorTypes.InvalidToken);
    }

    [Fact]
    public async Task ListExecutions_StatusFilterAgain_AsksTheBackendNothing()
    {
        string machine = await host.CreateAsync("list-known", "wait-hour");
        string done = await host.CreateAsync("list-known-done", "greet");
        await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "waiting" });
        for (int i = 0; i < 3; i++)
        {
            await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = done, ["name"] = $"ok-{i}", ["input"] = """{"who":"x"}""" });
            await host.Client.WaitForCompletionAsync($"list-known-done:ok-{i}", CancellationToken.None);
        }

        int asked = 0;
        Mock<IExecutionClient> counting = new(MockBehavior.Strict);
        counting.Setup(c => c.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns<string, CancellationToken>((id, ct) => { asked++; return host.Client.GetAsync(id, ct); });
        async Task<string[]> ListAsync(string arn, string status)
        {
            string body = new JsonObject { ["stateMachineArn"] = arn, ["statusFilter"] = status }.ToJsonString();
            ApiResponse response = await host.Dispatcher.DispatchAsync("AWSStepFunctions.ListExecutions", body, counting.Object, CancellationToken.None);
            return [.. JsonNode.Parse(response.Body)!["executions"]!.AsArray().Select(e => (string)e!["name"]!)];
        }

        string[] first = await ListAsync(done, "SUCCEEDED");
        int firstAsked = asked;
        string[] second = await ListAsync(done, "FAILED");
        int secondAsked = asked - firstAsked;
        string[] running1 = await ListAsync(machine, "RUNNING");
        string[] running2 = await ListAsync(machine, "RUNNING");

        Assert.Equal(["ok-0", "ok-1", "ok-2"], first.Order(StringComparer.Ordinal));
        Assert.Equal(0, firstAsked); // their closing events told the index
        Assert.Empty(second);
        Assert.Equal(0, secondAsked);
        Assert.Equal(["waiting"], running1);
        Assert.Equal(["waiting"], running2);
        Assert.Equal(0, asked); // not known closed: running (the index learns every closing)
        await host.OkAsync("StopExecution", new JsonObject { ["executionArn"] = machine.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":waiting" });
    }

    [Fact]
    public async Task ListExecutions_StoppedExecutionsPaged_AsksTheBackendNothing()
    {
        // Stopped executions: the engine records no closing event for a stop; StopExecution keeps ABORTED in the index.
        string machine = await host.CreateAsync("list-paged", "wait-hour");
        for (int i = 0; i < 5; i++)
        {
            JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = $"ok-{i}" });
            await host.OkAsync("StopExecution", new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() });
            await host.Client.WaitForCompletionAsync($"list-paged:ok-{i}", CancellationToken.None);
        }

        int asked = 0;
        Mock<IExecutionClient> counting = new(MockBehavior.Strict);
        counting.Setup(c => c.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns<string, CancellationToken>((id, ct) => { asked++; return host.Client.GetAsync(id, ct); });
        async Task<(string[] Names, string? Next, int Asked)> PageAsync(int? max, string? token)
        {
            int before = asked;
            JsonObject body = new() { ["stateMachineArn"] = machine, ["statusFilter"] = "ABORTED", ["maxResults"] = max, ["nextToken"] = token };
            ApiResponse response = await host.Dispatcher.DispatchAsync("AWSStepFunctions.ListExecutions", body.ToJsonString(), counting.Object, CancellationToken.None);
            JsonNode page = JsonNode.Parse(response.Body)!;
            return ([.. page["executions"]!.AsArray().Select(e => (string)e!["name"]!)], (string?)page["nextToken"], asked - before);
        }

        var page1 = await PageAsync(2, null);
        var page2 = await PageAsync(2, page1.Next);
        var page3 = await PageAsync(2, page2.Next);
        var whole = await PageAsync(null, null);

        // Starts a millisecond apart or less tie on their start date, so the order is the unfiltered list's (newest first, then by ARN).
        string[] order = [.. (await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine }))["executions"]!.AsArray()
            .Select(e => (string)e!["name"]!)];
        Assert.Equal(["ok-0", "ok-1", "ok-2", "ok-3", "ok-4"], order.Order(StringComparer.Ordinal));
        Assert.Equal(order[0..2], page1.Names);
        Assert.Equal(0, page1.Asked);
        Assert.Equal(order[2..4], page2.Names);
        Assert.Equal(0, page2.Asked);
        Assert.Equal(order[4..], page3.Names);
        Assert.Equal(0, page3.Asked);
        Assert.Null(page3.Next);
        Assert.Equal(order, whole.Names);
        Assert.Equal(0, whole.Asked);
        Assert.Null(whole.Next);
        JsonObject unfiltered = await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["maxResults"] = 4 });
        Assert.Equal(4, unfiltered["executions"]!.AsArray().Count);
        Assert.NotNull(unfiltered["nextToken"]);
        foreach (string token in (string[])["not-a-token", page1.Next![..^4], unfiltered["nextToken"]!.GetValue<string>(),
            PageToken.EncodeKey($"ListExecutions|{machine}|ABORTED|", "not a key")])
        {
            await host.ErrorAsync("ListExecutions", new JsonObject
            {
                ["stateMachineArn"] = machine, ["statusFilter"] = "ABORTED", ["nextToken"] = token,
            }, ApiErrorTypes.InvalidToken);
        }

        await host.ErrorAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["maxResults"] = 1001 }, ApiErrorTypes.ValidationException);
    }

    [Fact]
    public async Task StartExecution_RightAfterAnUpdateOnThisHost_RunsTheNewDefinition()
    {
        string machine = await host.CreateAsync("start-after-update", "greet");
        await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "before", ["input"] = """{"who":"x"}""" });
        await host.OkAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = ApiTestCalls.Definition("wait-hour") });

        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "after" });
        JsonObject described = await host.OkAsync("DescribeStateMachineForExecution", new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() });
        await host.OkAsync("DeleteStateMachine", new JsonObject { ["stateMachineArn"] = machine });

        Assert.Equal(ApiTestCalls.Definition("wait-hour"), (string?)described["definition"]);
        await host.ErrorAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "deleted" }, ApiErrorTypes.StateMachineDoesNotExist);
        await host.OkAsync("StopExecution", new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() });
        await host.Client.WaitForCompletionAsync("start-after-update:before", CancellationToken.None);
    }

    [Fact]
    public async Task NestedChildren_ListedFromTheirStartAndFoundByTheirArns_TwoMachinesMayShareAChildName()
    {
        async Task<string> CreateAsync(string name, string file) => (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["definition"] = DefinitionFiles.Read("nested", file), ["roleArn"] = ApiTestCalls.Role,
        }))["stateMachineArn"]!;
        string childA = await CreateAsync("nest-child-a", "child-echo");
        string childB = await CreateAsync("nest-child-b", "child-echo");
        string parent = await CreateAsync("nest-parent", "parent");
        foreach (var (run, child, n) in new[] { ("pa", childA, 1), ("pb", childB, 2) })
        {
            await host.OkAsync("StartExecution", new JsonObject
            {
                ["stateMachineArn"] = parent, ["name"] = run, ["input"] = new JsonObject { ["arn"] = child, ["input"] = new JsonObject { ["n"] = n }, ["name"] = "same" }.ToJsonString(),
            });
            await host.Client.WaitForCompletionAsync("nest-parent:" + run, CancellationToken.None);
        }

        string arnA = childA.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":same";
        string arnB = childB.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":same";
        JsonObject listed = await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = childA }); // kept at its start
        JsonObject parentA = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = childA.Replace(":stateMachine:nest-child-a", ":execution:nest-parent:pa", StringComparison.Ordinal) });
        JsonObject a = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = arnA });
        JsonObject b = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = arnB });
        JsonArray history = (await host.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arnA }))["events"]!.AsArray();
        JsonObject machine = await host.OkAsync("DescribeStateMachineForExecution", new JsonObject { ["executionArn"] = arnB });

        Assert.Equal(arnA, (string?)JsonNode.Parse((string)parentA["output"]!)!["child"]!["ExecutionArn"]);
        Assert.Equal(("SUCCEEDED", childA, """{"n":1}"""), ((string?)a["status"], (string?)a["stateMachineArn"], (string?)a["input"]));
        Assert.Equal(("SUCCEEDED", childB, """{"n":2}"""), ((string?)b["status"], (string?)b["stateMachineArn"], (string?)b["input"]));
        Assert.Equal(arnB, (string?)JsonNode.Parse((string)b["output"]!)!["executionId"]);
        Assert.Equal(["same"], listed["executions"]!.AsArray().Select(e => (string?)e!["name"]));
        Assert.Equal("ExecutionStarted", (string?)history[0]!["type"]);
        Assert.Equal("ExecutionSucceeded", (string?)history[^1]!["type"]);
        Assert.Equal(("nest-child-b", DefinitionFiles.Read("nested", "child-echo")), ((string?)machine["name"], (string?)machine["definition"]));
        await host.ErrorAsync("DescribeExecution", new JsonObject { ["executionArn"] = arnA[..^"same".Length] + "other" }, ApiErrorTypes.ExecutionDoesNotExist);
    }

    [Fact]
    public async Task DescribeStateMachineForExecution_AfterUpdate_RevisionTheExecutionStartedWith()
    {
        string machine = await host.CreateAsync("for-exec", "greet");
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "e", ["input"] = """{"who":"x"}""" });
        await host.OkAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = ApiTestCalls.Definition("wait-hour") });

        JsonObject described = await host.OkAsync("DescribeStateMachineForExecution", new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() });

        Assert.Equal(ApiTestCalls.Definition("greet"), (string?)described["definition"]);
        Assert.Equal(machine, (string?)described["stateMachineArn"]);
        Assert.NotNull(described["updateDate"]);
        await host.Client.WaitForCompletionAsync("for-exec:e", CancellationToken.None);
    }

    [Fact]
    public async Task DescribeForExecution_IncludedData_MetadataOnlyLeavesTheDefinitionOutAndOtherValuesAreRefused()
    {
        string machine = await host.CreateAsync("for-exec-meta", "greet");
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "e", ["input"] = """{"who":"x"}""" });
        JsonNode arn = started["executionArn"]!;
        await host.Client.WaitForCompletionAsync("for-exec-meta:e", CancellationToken.None);

        JsonObject metadata = await host.OkAsync("DescribeStateMachineForExecution", new JsonObject { ["executionArn"] = arn.DeepClone(), ["includedData"] = "METADATA_ONLY" });
        JsonObject all = await host.OkAsync("DescribeStateMachineForExecution", new JsonObject { ["executionArn"] = arn.DeepClone(), ["includedData"] = "ALL_DATA" });
        JsonObject execution = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn.DeepClone(), ["includedData"] = "METADATA_ONLY" });

        Assert.Equal("{}", (string?)metadata["definition"]);
        Assert.Equal(machine, (string?)metadata["stateMachineArn"]);
        Assert.Equal(ApiTestCalls.Definition("greet"), (string?)all["definition"]);
        Assert.Equal("SUCCEEDED", (string?)execution["status"]);
        foreach (string action in new[] { "DescribeStateMachineForExecution", "DescribeExecution" })
        {
            await host.ErrorAsync(action, new JsonObject { ["executionArn"] = arn.DeepClone(), ["includedData"] = "all_data" }, ApiErrorTypes.ValidationException);
        }
    }

    [Fact]
    public async Task GetExecutionHistory_Succeeded_AwsEventShapesInOrderAndReverse()
    {
        string machine = await host.CreateAsync("history", "greet");
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "h", ["input"] = """{"who":"h"}""" });
        await host.Client.WaitForCompletionAsync("history:h", CancellationToken.None);
        JsonObject arn = new() { ["executionArn"] = started["executionArn"]!.DeepClone() };

        JsonArray events = (await host.OkAsync("GetExecutionHistory", (JsonObject)arn.DeepClone()))["events"]!.AsArray();
        JsonArray reversed = (await host.OkAsync("GetExecutionHistory", new JsonObject
        {
            ["executionArn"] = started["executionArn"]!.DeepClone(), ["reverseOrder"] = true, ["includeExecutionData"] = false,
        }))["events"]!.AsArray();

        Assert.Equal(
            ["ExecutionStarted", "PassStateEntered", "PassStateExited", "ChoiceStateEntered", "ChoiceStateExited",
             "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"],
            events.Select(e => (string)e!["type"]!));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => (long)e!["id"]!));
        Assert.Equal(0, (long)events[0]!["previousEventId"]!);
        Assert.Equal(0, (long)events[1]!["previousEventId"]!); // AWS: the first state's events chain from 0, not from ExecutionStarted
        Assert.Equal(2, (long)events[2]!["previousEventId"]!);
        Assert.Equal("""{"who":"h"}""", (string?)events[0]!["executionStartedEventDetails"]!["input"]);
        Assert.False((bool)events[0]!["executionStartedEventDetails"]!["inputDetails"]!["truncated"]!);
        Assert.Equal("Build", (string?)events[1]!["stateEnteredEventDetails"]!["name"]);
        Assert.Equal("""{"greeting":"Hello, h!"}""", (string?)events[2]!["stateExitedEventDetails"]!["output"]);
        Assert.True(events[0]!["timestamp"]!.GetValue<decimal>() > 1_600_000_000m);
        Assert.Equal(events.Select(e => (long)e!["id"]!).Reverse(), reversed.Select(e => (long)e!["id"]!));
        Assert.Null(reversed[0]!["executionSucceededEventDetails"]!["output"]);
        Assert.Equal("Build", (string?)reversed[^2]!["stateEnteredEventDetails"]!["name"]);
    }

    [Fact]
    public async Task GetExecutionHistory_Paged_EveryEventOnce()
    {
        string machine = await host.CreateAsync("history-paged", "greet");
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "p", ["input"] = """{"who":"p"}""" });
        await host.Client.WaitForCompletionAsync("history-paged:p", CancellationToken.None);

        List<long> ids = await HistoryIdsAsync(started["executionArn"]!, 3, reverse: false);

        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), ids);
    }

    private async Task<List<long>> HistoryIdsAsync(JsonNode executionArn, int size, bool reverse)
    {
        List<long> ids = [];
        string? token = null;
        do
        {
            JsonObject request = new() { ["executionArn"] = executionArn.DeepClone(), ["maxResults"] = size, ["reverseOrder"] = reverse };
            if (token is not null)
            {
                request["nextToken"] = token;
            }

            JsonObject page = await host.OkAsync("GetExecutionHistory", request);
            ids.AddRange(page["events"]!.AsArray().Select(e => (long)e!["id"]!));
            token = (string?)page["nextToken"];
        }
        while (token is not null);

        return ids;
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(1000)]
    public async Task GetExecutionHistory_PagedNewestFirst_EveryEventOnceInReverse(int size)
    {
        string machine = await host.CreateAsync("history-reverse-" + size.ToString(System.Globalization.CultureInfo.InvariantCulture), "greet");
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "r", ["input"] = """{"who":"r"}""" });
        await host.Client.WaitForCompletionAsync(machine.Split(':')[^1] + ":r", CancellationToken.None);

        List<long> ids = await HistoryIdsAsync(started["executionArn"]!, size, reverse: true);

        Assert.Equal(Enumerable.Range(1, 8).Reverse().Select(i => (long)i), ids);
        await host.ErrorAsync("GetExecutionHistory", new JsonObject
        {
            ["executionArn"] = started["executionArn"]!.DeepClone(), ["nextToken"] = "bm9wZQ==",
        }, ApiErrorTypes.InvalidToken);
    }

    [Fact]
    public async Task StartSyncExecution_Express_ReturnsResultAndStandardIsRefused()
    {
        string express = await host.CreateAsync("sync-express", "greet", "EXPRESS");
        string standard = await host.CreateAsync("sync-standard", "greet");

        JsonObject ok = await host.OkAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = express, ["name"] = "s", ["input"] = """{"who":"sync"}""" });
        JsonObject failed = await host.OkAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = express, ["input"] = """{"who":"fail"}""" });

        Assert.Equal("SUCCEEDED", (string?)ok["status"]);
        Assert.Equal("""{"greeting":"Hello, sync!"}""", (string?)ok["output"]);
        Assert.StartsWith("arn:aws:states:us-east-1:123456789012:express:sync-express:s:", (string?)ok["executionArn"], StringComparison.Ordinal);
        Assert.NotNull(ok["stopDate"]);
        Assert.Equal("FAILED", (string?)failed["status"]);
        Assert.Equal("Greeting.Refused", (string?)failed["error"]);
        Assert.Null(failed["output"]);
        await host.ErrorAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = standard }, ApiErrorTypes.StateMachineTypeNotSupported);
        await host.ErrorAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = ok["executionArn"]!.DeepClone() }, ApiErrorTypes.ValidationException);
    }

    [Fact]
    public async Task SendTaskSuccess_NotOurToken_InvalidToken()
    {
        await host.ErrorAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = "nope", ["output"] = "{}" }, ApiErrorTypes.InvalidToken);
        await host.ErrorAsync("SendTaskFailure", new JsonObject { ["taskToken"] = "nope" }, ApiErrorTypes.InvalidToken);
        await host.ErrorAsync("SendTaskHeartbeat", new JsonObject(), ApiErrorTypes.ValidationException);
    }
}
