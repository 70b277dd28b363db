using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Context;
using AslOnDurable.Core.Engine.Executors;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine;

/// <summary>A pending branch's frame reports its end to the scheduler once, and never when it ended before the scheduler asked.</summary>
public sealed class ExecutionFrameEndReportTests
{
    private static ExecutionFrame NewFrame()
    {
        var options = new ExecutionOptions();
        var plan = EngineRun.Compile("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""");
        var run = new ExecutionRun(new ExecutionRequest { Input = new JsonObject(), Name = "run-1" }, new FakeExecutionHost(DateTimeOffset.UnixEpoch), options, null);
        return new ExecutionFrame(run, plan.Root, new VariableScope(null, new VariableSizeBudget(options)), null);
    }

    [Fact]
    public void Ended_AfterTheSchedulerAsked_ReportsOnceWithTheIndexAndOutcome()
    {
        var frame = NewFrame();
        var observer = new Recorder();
        var outcome = new BranchOutcome(ExecutionStatus.Succeeded, JsonValue.Create(1), null);

        Assert.True(frame.ReportEndTo(observer, 7));
        frame.Ended(outcome, null);
        frame.Ended(outcome, null);

        var reported = Assert.Single(observer.Reports);
        Assert.Equal(7, reported.Index);
        Assert.Equal(ExecutionStatus.Succeeded, reported.Outcome.Status);
        Assert.Same(outcome.Output, reported.Outcome.Output);
    }

    [Fact]
    public void ReportEndTo_AfterTheFrameEnded_RefusesAndNothingIsReported()
    {
        var frame = NewFrame();
        var observer = new Recorder();

        frame.Ended(new BranchOutcome(ExecutionStatus.Succeeded, null, null), null);

        Assert.False(frame.ReportEndTo(observer, 0)); // the scheduler then watches the frame's task instead
        Assert.Empty(observer.Reports);
    }

    [Fact]
    public void Ended_WithAFailure_ReportsTheFailure()
    {
        var frame = NewFrame();
        var observer = new Recorder();
        var failure = ExceptionDispatchInfo.Capture(new InvalidOperationException("boom"));

        Assert.True(frame.ReportEndTo(observer, 2));
        frame.Ended(default, failure);

        Assert.Same(failure, Assert.Single(observer.Reports).Failure);
    }

    private sealed class Recorder : BranchScheduler.IEndObserver
    {
        public List<(int Index, BranchOutcome Outcome, ExceptionDispatchInfo? Failure)> Reports { get; } = [];

        public void Ended(int index, BranchOutcome outcome, ExceptionDispatchInfo? failure) => Reports.Add((index, outcome, failure));
    }
}
