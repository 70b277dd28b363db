using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Observability;
using AslOnDurable.Testing;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Tests.Observability;

/// <summary><c>loggingConfiguration</c>: which events each level logs, payloads only with includeExecutionData, no secrets.</summary>
public sealed class ExecutionLogTests
{
    private const string Arn = "arn:aws:states:us-east-1:123456789012:execution:machine:exec-1";

    [Fact]
    public void Record_LevelAll_EveryEventInOrder()
    {
        RecordingLogger log = Run("caught", ExecutionLogLevels.All, includeData: false);

        Assert.Equal(
            ["ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed", "TaskStateExited",
             "PassStateEntered", "PassStateExited", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
             "ExecutionFailed"],
            log.Types);
        Assert.Equal(LogLevel.Information, log.Entries[0].Level);
        Assert.Equal(LogLevel.Error, log.Entries[^1].Level);
    }

    [Fact]
    public void Record_LevelError_OnlyErrorEvents()
    {
        RecordingLogger log = Run("caught", ExecutionLogLevels.Error, includeData: false);

        Assert.Equal(["LambdaFunctionFailed", "LambdaFunctionFailed", "ExecutionFailed"], log.Types);
        Assert.All(log.Entries, e => Assert.Equal(LogLevel.Error, e.Level));
    }

    [Fact]
    public void Record_LevelErrorFailState_FailStateEnteredIsAnErrorEvent()
    {
        RecordingLogger log = Run("secret-headers", ExecutionLogLevels.Error, includeData: false, _ => TaskOutcome.Success(new JsonObject()));

        Assert.Equal(["FailStateEntered", "ExecutionFailed"], log.Types);
    }

    [Fact]
    public void Record_LevelFatal_OnlyTheExecutionsFailure()
    {
        RecordingLogger log = Run("caught", ExecutionLogLevels.Fatal, includeData: false);

        (LogLevel _, string type, string record) = Assert.Single(log.Entries);
        Assert.Equal("ExecutionFailed", type);
        JsonNode parsed = JsonNode.Parse(record)!;
        Assert.Equal("Custom.Boom", parsed["details"]!["error"]!.GetValue<string>());
        Assert.Equal("it broke", parsed["details"]!["cause"]!.GetValue<string>());
        Assert.Equal(Arn, parsed["execution_arn"]!.GetValue<string>());
    }

    [Fact]
    public void Record_LevelOff_Nothing()
    {
        Assert.Empty(Run("caught", ExecutionLogLevels.Off, includeData: true).Entries);
    }

    [Fact]
    public void Record_WithoutExecutionData_NoPayloads()
    {
        RecordingLogger log = Run("traced", ExecutionLogLevels.All, includeData: false, _ => TaskOutcome.Success(new JsonObject { ["private"] = "payload" }));

        Assert.All(log.Entries, e => Assert.DoesNotContain("payload", e.Record, StringComparison.Ordinal));
        JsonNode started = JsonNode.Parse(log.Entries[0].Record)!;
        Assert.Null(started["details"]!["input"]);
        Assert.False(started["details"]!["inputDetails"]!["included"]!.GetValue<bool>());
        Assert.Equal("ExecutionStarted", started["type"]!.GetValue<string>());
        Assert.Equal("1", started["id"]!.GetValue<string>());
    }

    [Fact]
    public void Record_WithExecutionData_PayloadsIncluded()
    {
        RecordingLogger log = Run("traced", ExecutionLogLevels.All, includeData: true, _ => TaskOutcome.Success(new JsonObject { ["private"] = "payload" }));

        string succeeded = log.Entries.Single(e => e.Type == "ExecutionSucceeded").Record;
        Assert.Contains("payload", succeeded, StringComparison.Ordinal);
        Assert.True(JsonNode.Parse(succeeded)!["details"]!["outputDetails"]!["included"]!.GetValue<bool>());
    }

    [Fact]
    public void Record_HttpTaskWithCredentialsAndExecutionData_CredentialsMasked()
    {
        RecordingLogger log = Run("secret-headers", ExecutionLogLevels.All, includeData: true, _ => TaskOutcome.Success(new JsonObject()));

        string scheduled = log.Entries.Single(e => e.Type == "TaskScheduled").Record;
        Assert.DoesNotContain("s3cr3t", string.Concat(log.Entries.Select(e => e.Record)), StringComparison.Ordinal);
        JsonNode parameters = JsonNode.Parse(JsonNode.Parse(scheduled)!["details"]!["parameters"]!.GetValue<string>())!;
        Assert.Equal(LogRedaction.Masked, parameters["Headers"]!["Authorization"]!.GetValue<string>());
        Assert.Equal("application/json", parameters["Headers"]!["Accept"]!.GetValue<string>());
        Assert.Equal(LogRedaction.Masked, parameters["QueryParameters"]!["ApiKeyValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Durable_LevelAll_EachEventLoggedOnceDespiteReplay()
    {
        RecordingLogger log = new();
        using ExecutionTelemetry telemetry = new("test-" + Guid.NewGuid().ToString("N"), log);
        TaskHandlerRegistry tasks = new([new("arn:aws:lambda:us-east-1:123456789012:function:work", Echo()), new("arn:aws:lambda:us-east-1:123456789012:function:left", Echo())]);

        ExecutionResult result = await DurableStateMachineRunner.RunAsync(
            DefinitionFiles.Read("observability", "traced"), new JsonObject(), tasks,
            new DurableRunOptions { ExecutionName = "logged-" + Guid.NewGuid().ToString("N"), SkipWaits = true, Telemetry = telemetry, LogLevel = ExecutionLogLevels.All },
            new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Single(log.Types, t => t == "ExecutionStarted");
        Assert.Single(log.Types, t => t == "ExecutionSucceeded");
        Assert.Equal(2, log.Types.Count(t => t == "LambdaFunctionSucceeded"));
        Assert.Equal(log.Entries.Count, log.Entries.Select(e => JsonNode.Parse(e.Record)!["id"]!.GetValue<string>()).Distinct().Count());
    }

    private static RecordingLogger Run(string definition, string level, bool includeData, Func<TaskInvocation, TaskOutcome>? tasks = null)
    {
        RecordingLogger log = new();
        using ExecutionTelemetry telemetry = new("test-" + Guid.NewGuid().ToString("N"), log);
        ExecutionObservation observed = telemetry.Observe(new ExecutionLabels(Arn, Arn, "machine", null) { LogLevel = level, LogExecutionData = includeData });
        new Interpreter(EngineRun.Compile(DefinitionFiles.Read("observability", definition)))
            .RunAsync(
                new ExecutionRequest { Input = new JsonObject { ["secretInput"] = "payload" }, Name = "exec-1", StateMachineName = "machine" },
                new FakeExecutionHost { Tasks = tasks ?? (_ => TaskOutcome.Failure(new AslError("Custom.Boom", "it broke"))) },
                new ExecutionOptions { History = observed.Sink })
            .AsTask().GetAwaiter().GetResult();
        return log;
    }

    private static EchoTask Echo() => new();

    private sealed class EchoTask : ITaskHandler
    {
        public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation) => ValueTask.FromResult(TaskOutcome.Success(invocation.Input));
    }
}
