using System.Diagnostics;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Observability;
using AslOnDurable.Testing;

namespace AslOnDurable.Runtime.Tests.Observability;

/// <summary>Spans built from the in-memory engine's history events.</summary>
public sealed class ExecutionTraceTests : IDisposable
{
    private const string Arn = "arn:aws:states:us-east-1:123456789012:execution:machine:exec-1";
    private readonly ExecutionTelemetry telemetry = new("test-" + Guid.NewGuid().ToString("N"));
    private readonly SpanRecorder spans;

    public ExecutionTraceTests() => spans = new SpanRecorder(telemetry.Source.Name);

    public void Dispose()
    {
        spans.Dispose();
        telemetry.Dispose();
    }

    [Fact]
    public void Record_SmallExecution_ExecutionSpanWithStateAndTaskChildren()
    {
        ExecutionResult result = Run("traced", _ => TaskOutcome.Success(new System.Text.Json.Nodes.JsonObject { ["ok"] = true }));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Activity execution = spans.Single("execution machine");
        Assert.Equal(default, execution.ParentSpanId);
        Assert.Equal(Arn, execution.GetTagItem(TelemetryNames.ExecutionArn));
        Assert.Equal("machine", execution.GetTagItem(TelemetryNames.StateMachineName));
        Assert.Equal("SUCCEEDED", execution.GetTagItem(TelemetryNames.ExecutionStatus));
        Assert.Equal(ActivityStatusCode.Unset, execution.Status);
        foreach (string state in new[] { "Prepare", "Work", "Both", "Done" })
        {
            Activity span = spans.Single("state " + state);
            Assert.Equal(execution.SpanId, span.ParentSpanId);
            Assert.Equal(execution.TraceId, span.TraceId);
            Assert.Equal(state, span.GetTagItem(TelemetryNames.StateName));
            Assert.Equal(Arn, span.GetTagItem(TelemetryNames.ExecutionArn));
        }

        Assert.Equal("Task", spans.Single("state Work").GetTagItem(TelemetryNames.StateType));
        Assert.Equal("Parallel", spans.Single("state Both").GetTagItem(TelemetryNames.StateType));
        Activity work = spans.Single("task arn:aws:lambda:us-east-1:123456789012:function:work");
        Assert.Equal(spans.Single("state Work").SpanId, work.ParentSpanId);
        Assert.Equal(spans.Single("state Both").SpanId, spans.Single("state Left").ParentSpanId);
        Assert.Equal(spans.Single("state Both").SpanId, spans.Single("state Right").ParentSpanId);
        Assert.Equal(spans.Single("state Left").SpanId, spans.Single("task arn:aws:lambda:us-east-1:123456789012:function:left").ParentSpanId);
        Assert.Equal(9, spans.Spans.Count);
    }

    [Fact]
    public void Record_CaughtThenUncaughtTaskError_ErrorStatusesWhereTheErrorsHappened()
    {
        ExecutionResult result = Run("caught", _ => TaskOutcome.Failure(new AslError("Custom.Boom", "it broke")));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Activity[] tasks = [.. spans.Spans.Where(s => s.DisplayName.StartsWith("task ", StringComparison.Ordinal))];
        Assert.Equal(2, tasks.Length);
        Assert.All(tasks, t => Assert.Equal(ActivityStatusCode.Error, t.Status));
        Assert.All(tasks, t => Assert.Equal("Custom.Boom", t.GetTagItem(TelemetryNames.Error)));
        Activity tried = spans.Single("state Try");
        Assert.Equal(ActivityStatusCode.Error, tried.Status);
        Assert.Equal("it broke", tried.StatusDescription);
        Assert.Equal(ActivityStatusCode.Unset, spans.Single("state Recover").Status);
        Assert.Equal(ActivityStatusCode.Error, spans.Single("state Fatal").Status);
        Activity execution = spans.Single("execution machine");
        Assert.Equal(ActivityStatusCode.Error, execution.Status);
        Assert.Equal("it broke", execution.StatusDescription);
        Assert.Equal("Custom.Boom", execution.GetTagItem(TelemetryNames.Error));
        Assert.Equal("FAILED", execution.GetTagItem(TelemetryNames.ExecutionStatus));
    }

    [Fact]
    public void Record_TraceParentGiven_ExecutionSpanJoinsThatTrace()
    {
        const string parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        Run("traced", _ => TaskOutcome.Success(null), parent);

        Activity execution = spans.Single("execution machine");
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", execution.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", execution.ParentSpanId.ToHexString());
        Assert.All(spans.Spans, s => Assert.Equal(execution.TraceId, s.TraceId));
    }

    [Fact]
    public void TraceFor_NothingListens_NoTrace()
    {
        using ExecutionTelemetry quiet = new("quiet-" + Guid.NewGuid().ToString("N"));

        Assert.Null(quiet.TraceFor(new ExecutionLabels("k", Arn, "machine", null)));
    }

    [Fact]
    public void CurrentTaskTraceParent_WhileTaskRuns_IsTheTaskSpan()
    {
        ExecutionTrace trace = telemetry.TraceFor(new ExecutionLabels(Arn, Arn, "machine", null))!;
        string? seen = null;
        FakeExecutionHost host = new() { Tasks = invocation => { seen = trace.CurrentTaskTraceParent; return TaskOutcome.Success(null); } };

        RunWith(trace, host);

        Activity work = spans.Single("task arn:aws:lambda:us-east-1:123456789012:function:left");
        Assert.Equal(work.Id, seen);
    }

    private ExecutionResult Run(string definition, Func<TaskInvocation, TaskOutcome> tasks, string? traceParent = null)
    {
        ExecutionTrace trace = telemetry.TraceFor(new ExecutionLabels(Arn, Arn, "machine", traceParent))!;
        return RunWith(trace, new FakeExecutionHost { Tasks = tasks }, definition);
    }

    private static ExecutionResult RunWith(ExecutionTrace trace, FakeExecutionHost host, string definition = "traced") =>
        new Interpreter(EngineRun.Compile(DefinitionFiles.Read("observability", definition)))
            .RunAsync(new ExecutionRequest { Input = new System.Text.Json.Nodes.JsonObject(), Name = "exec-1", StateMachineName = "machine" }, host, new ExecutionOptions { History = trace })
            .AsTask().GetAwaiter().GetResult();
}
