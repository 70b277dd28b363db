using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Tests.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.ErrorHandling;

/// <summary>Retry and Catch as AWS documents them, end to end through the interpreter (definitions in <c>retry-catch/</c>).</summary>
public sealed class RetryAndCatchTests
{
    [Fact]
    public void Retry_NoFieldsButErrorEquals_UsesAwsDefaultsOneSecondBackoffTwoThreeAttempts()
    {
        var host = new FakeExecutionHost();
        host.FailThenSucceed(10, "Custom.Error", null);

        var result = EngineRun.Run(Fixture("retry-defaults"), "{}", host);

        Assert.Equal(4, host.Invocations.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], host.Delays);
        Assert.Equal("Custom.Error", result.Error!.Error);
        Assert.Equal("cause 4", result.Error.Cause);
    }

    [Fact]
    public void Retry_MaxDelaySecondsWithFullJitter_CapsBeforeScalingByRandom()
    {
        var host = new FakeExecutionHost();
        host.QueueRandom(0.5, 0.5, 0.25);
        host.FailThenSucceed(3, "E", JsonValue.Create("ok"));

        var result = EngineRun.Run(Fixture("retry-max-delay-full-jitter"), "{}", host);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)], host.Delays);
    }

    [Fact]
    public void Retry_BackoffRateOne_KeepsTheIntervalConstant()
    {
        var host = new FakeExecutionHost();
        host.FailThenSucceed(3, "E", JsonValue.Create("ok"));

        EngineRun.Run(Fixture("retry-backoff-one"), "{}", host);

        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], host.Delays);
    }

    [Fact]
    public void Retry_TwoRetriers_CountAttemptsSeparatelyAndRetryCountIsTotal()
    {
        var host = new FakeExecutionHost();
        var errors = new Queue<string>(["A", "B", "A"]);
        host.Tasks = _ => TaskOutcome.Failure(new AslError(errors.Dequeue(), "c"));

        var result = EngineRun.Run(Fixture("retriers-independent"), "{}", host);

        Assert.Equal([0, 1, 2], host.Invocations.Select(i => i.Input!["retry"]!.GetValue<int>()));
        JsonAssert.Equal("""{"error":{"Error":"A","Cause":"c"}}""", result.Output);
    }

    [Fact]
    public void Catch_SeveralCatchersMatch_FirstInOrderWins()
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Failure(new AslError("Custom.Error", "why")) };

        var result = EngineRun.Run(Fixture("catch-first-match"), """{"in":1}""", host);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonAssert.Equal("""{"in":1,"caughtBy":{"Error":"Custom.Error","Cause":"why"},"by":"TaskFailed"}""", result.Output);
    }

    [Fact]
    public void RetryAndCatch_TaskTimedOut_TaskFailedDoesNotMatchButStatesAllCatches()
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.TimedOut(heartbeat: false) };

        var result = EngineRun.Run(Fixture("retry-then-catch-timeout-vs-taskfailed"), "{}", host);

        Assert.Single(host.Invocations);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonAssert.Equal("""{"Error":"States.Timeout"}""", result.Output);
    }

    [Fact]
    public async Task Catch_Jsonata_ErrorOutputAndInputBoundAndAssignCommitted()
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Failure(new AslError("Custom.Error", "why")) };
        var plan = ExecutionPlan.Compile(DefinitionParser.Parse(Fixture("catch-jsonata-error-output")).Definition!, new JsonataLibraryEvaluator());

        var result = await new Interpreter(plan).RunAsync(new ExecutionRequest { Input = JsonNode.Parse("""{"x":1}""") }, host);

        JsonAssert.Equal(
            """{"failedWith":"Custom.Error","previous":{"error":{"Error":"Custom.Error","Cause":"why"},"input":{"x":1}}}""",
            result.Output);
    }

    [Fact]
    public void Parallel_BranchFails_StateFailsWithTheBranchErrorNotBranchFailed()
    {
        var result = EngineRun.Run(Fixture("parallel-branch-error"), "{}");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(new AslError("Branch.Error", "branch cause"), result.Error);
    }

    private static string Fixture(string name) => DefinitionFixtures.Read($"retry-catch/{name}.asl.json");
}
