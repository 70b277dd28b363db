using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Observability;
using AslOnDurable.Runtime.Tests.Observability;
using Microsoft.Extensions.Logging;
using Moq;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>A state machine's <c>loggingConfiguration</c> from CreateStateMachine/UpdateStateMachine is what its executions log by.</summary>
public sealed class ExecutionLoggingApiTests : IAsyncLifetime
{
    private readonly RecordingLogger log = new();
    private StepFunctionsSelfHost host = null!;

    public async Task InitializeAsync()
    {
        Mock<ILoggerFactory> loggers = new();
        loggers.Setup(f => f.CreateLogger(TelemetryNames.ExecutionLogCategory)).Returns(log);
        loggers.Setup(f => f.CreateLogger(It.Is<string>(c => c != TelemetryNames.ExecutionLogCategory))).Returns(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        host = await StepFunctionsSelfHost.StartAsync(new SelfHostOptions(), new ApiOptions(), loggers.Object, CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task StartExecution_MachineLogsAll_EveryEventLoggedWithoutPayloads()
    {
        string machine = await CreateAsync("logged-all", "ALL", includeData: false);

        await RunAsync(machine, "run-1");

        Assert.Equal("ExecutionStarted", log.Types[0]);
        Assert.Equal("ExecutionSucceeded", log.Types[^1]);
        Assert.Contains("ChoiceStateEntered", log.Types);
        Assert.Equal(log.Types.Count, log.Entries.Select(e => JsonNode.Parse(e.Record)!["id"]!.GetValue<string>()).Distinct().Count());
        Assert.All(log.Entries, e => Assert.DoesNotContain("world", e.Record, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartExecution_MachineUpdatedToOff_NothingLogged()
    {
        string machine = await CreateAsync("logged-off", "ALL", includeData: true);
        await host.OkAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["loggingConfiguration"] = new JsonObject { ["level"] = "OFF" } });

        await RunAsync(machine, "run-1");

        Assert.Empty(log.Entries);
    }

    [Theory]
    [InlineData("FATAL")]
    [InlineData("ERROR")]
    [InlineData("ALL")]
    public async Task StopExecution_MachineLogsFatalOrMore_ExecutionAbortedLoggedWithErrorAndCause(string level)
    {
        string machine = await CreateAsync("logged-stop-" + level.ToLowerInvariant(), level, includeData: false, definition: "wait-hour");
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "s", ["input"] = """{"who":"world"}""" });

        await host.OkAsync("StopExecution", new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone(), ["error"] = "Manual", ["cause"] = "no longer needed" });
        await host.Client.WaitForCompletionAsync(machine[(machine.LastIndexOf(':') + 1)..] + ":s", CancellationToken.None);

        var aborted = Assert.Single(log.Entries, e => e.Type == "ExecutionAborted");
        Assert.Equal(LogLevel.Error, aborted.Level);
        JsonNode record = JsonNode.Parse(aborted.Record)!;
        Assert.Equal("Manual", (string?)record["details"]!["error"]);
        Assert.Equal("no longer needed", (string?)record["details"]!["cause"]);
        Assert.Equal((string?)started["executionArn"], (string?)record["execution_arn"]);
        Assert.Equal(long.Parse((string)record["id"]!, System.Globalization.CultureInfo.InvariantCulture) - 1, long.Parse((string)record["previous_event_id"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(log.Types, t => t is "ExecutionSucceeded" or "ExecutionFailed");
        if (level == "FATAL")
        {
            Assert.Equal(["ExecutionAborted"], log.Types);
        }
    }

    [Fact]
    public async Task StopExecution_MachineLogsOff_NothingLogged()
    {
        string machine = await CreateAsync("logged-stop-off", "OFF", includeData: false, definition: "wait-hour");
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "s" });

        await host.OkAsync("StopExecution", new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() });
        await host.Client.WaitForCompletionAsync("logged-stop-off:s", CancellationToken.None);

        Assert.Empty(log.Entries);
    }

    private async Task<string> CreateAsync(string name, string level, bool includeData, string definition = "greet") =>
        (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["definition"] = ApiTestCalls.Definition(definition), ["roleArn"] = ApiTestCalls.Role,
            ["loggingConfiguration"] = new JsonObject
            {
                ["level"] = level, ["includeExecutionData"] = includeData,
                ["destinations"] = new JsonArray(new JsonObject { ["cloudWatchLogsLogGroup"] = new JsonObject { ["logGroupArn"] = "arn:aws:logs:us-east-1:123456789012:log-group:sfn:*" } }),
            },
        }))["stateMachineArn"]!;

    private async Task RunAsync(string machine, string name)
    {
        await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = name, ["input"] = """{"who":"world"}""" });
        string machineName = machine[(machine.LastIndexOf(':') + 1)..];
        await host.Client.WaitForCompletionAsync(machineName + ":" + name, CancellationToken.None);
    }
}
