using System.Diagnostics;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Observability;
using AslOnDurable.Testing;

namespace AslOnDurable.Runtime.Tests.Observability;

/// <summary>
/// Tracing on the durable engine (in-memory backend): every episode replays the orchestration, and spans come only
/// from events recorded outside replay, so each state has exactly one span; task activities and child executions
/// continue the trace through the trace parent in their input records.
/// </summary>
public sealed class DurableExecutionTraceTests : IDisposable
{
    private const string Prefix = "arn:aws:states:us-east-1:123456789012";
    private readonly ExecutionTelemetry telemetry = new("test-" + Guid.NewGuid().ToString("N"));
    private readonly SpanRecorder spans;

    public DurableExecutionTraceTests() => spans = new SpanRecorder(telemetry.Source.Name);

    public void Dispose()
    {
        spans.Dispose();
        telemetry.Dispose();
    }

    [Fact]
    public async Task Run_ReplayedOverSeveralEpisodes_OneSpanPerStateAndActivitiesUnderTheirTask()
    {
        string name = "traced-" + Guid.NewGuid().ToString("N");
        TaskHandlerRegistry tasks = new([new("arn:aws:lambda:us-east-1:123456789012:function:work", new EchoHandler()), new("arn:aws:lambda:us-east-1:123456789012:function:left", new EchoHandler())]);

        ExecutionResult result = await DurableStateMachineRunner.RunAsync(
            DefinitionFiles.Read("observability", "traced"), new JsonObject(), tasks,
            new DurableRunOptions { ExecutionName = name, StateMachineName = "machine", SkipWaits = true, Telemetry = telemetry }, Budget());

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Activity execution = spans.Single("execution machine");
        Assert.Equal($"{Prefix}:execution:machine:{name}", execution.GetTagItem(TelemetryNames.ExecutionArn));
        foreach (string state in new[] { "Prepare", "Work", "Both", "Done" })
        {
            Assert.Equal(execution.SpanId, spans.Single("state " + state).ParentSpanId);
        }

        Assert.Equal(spans.Single("state Both").SpanId, spans.Single("state Left").ParentSpanId);
        Activity work = spans.Single("task arn:aws:lambda:us-east-1:123456789012:function:work");
        Assert.Equal(spans.Single("state Work").SpanId, work.ParentSpanId);
        Activity activity = spans.Single("activity arn:aws:lambda:us-east-1:123456789012:function:work");
        Assert.Equal(work.SpanId, activity.ParentSpanId);
        Assert.Equal(work.TraceId, activity.TraceId);
        Assert.Equal(spans.Single("task arn:aws:lambda:us-east-1:123456789012:function:left").SpanId, spans.Single("activity arn:aws:lambda:us-east-1:123456789012:function:left").ParentSpanId);
        Assert.Equal(11, spans.Spans.Count); // execution, 6 states, 2 tasks, 2 activities: nothing twice
    }

    [Fact]
    public async Task Run_ChildExecutionSync_ChildExecutionSpanUnderTheParentsTask()
    {
        string child = "child-" + Guid.NewGuid().ToString("N");
        TaskHandlerRegistry tasks = StartExecutionTaskHandler.Registry(
            new InMemoryStateMachineRegistry([new($"{Prefix}:stateMachine:Child", DefinitionFiles.Read("nested", "child-echo"))]), Guid.NewGuid);
        JsonNode input = JsonNode.Parse($$"""{"arn":"{{Prefix}}:stateMachine:Child","input":{"a":1},"name":"{{child}}"}""")!;

        ExecutionResult result = await DurableStateMachineRunner.RunAsync(
            DefinitionFiles.Read("nested", "parent"), input, tasks,
            new DurableRunOptions { ExecutionName = "parent-" + Guid.NewGuid().ToString("N"), StateMachineName = "Parent", SkipWaits = true, Telemetry = telemetry }, Budget());

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Activity parent = spans.Single("execution Parent");
        Activity childSpan = spans.Single("execution Child");
        Activity task = Assert.Single(spans.Spans, s => s.DisplayName.StartsWith("task arn:aws:states:::states:startExecution", StringComparison.Ordinal));
        Assert.Equal(parent.TraceId, childSpan.TraceId);
        Assert.Equal(task.SpanId, childSpan.ParentSpanId);
        Assert.Equal($"{Prefix}:execution:Child:{child}", childSpan.GetTagItem(TelemetryNames.ExecutionArn));
    }

    private static CancellationToken Budget() => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    private sealed class EchoHandler : ITaskHandler
    {
        public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation) => ValueTask.FromResult(TaskOutcome.Success(invocation.Input));
    }
}
