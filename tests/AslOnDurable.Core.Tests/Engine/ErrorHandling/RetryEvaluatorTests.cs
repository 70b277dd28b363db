using AslOnDurable.Core.Engine.ErrorHandling;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Model.ErrorHandling;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.ErrorHandling;

public sealed class RetryEvaluatorTests
{
    [Fact]
    public void TryGetDelay_FirstMatchingRetrierExhausted_DoesNotFallThroughToLaterRetriers()
    {
        var evaluator = new RetryEvaluator([
            new Retrier { ErrorEquals = ["E"], MaxAttempts = 1 },
            new Retrier { ErrorEquals = ["States.ALL"], MaxAttempts = 5 },
        ]);
        var host = new FakeExecutionHost();

        Assert.True(evaluator.TryGetDelay(new AslError("E", null), host, out _));
        Assert.False(evaluator.TryGetDelay(new AslError("E", null), host, out _));
        Assert.Equal(1, evaluator.TotalRetries);
    }

    [Fact]
    public void TryGetDelay_RuntimeError_IsNeverRetriedByStatesAll()
    {
        var evaluator = new RetryEvaluator([new Retrier { ErrorEquals = ["States.ALL"] }]);

        Assert.False(evaluator.TryGetDelay(new AslError(StatesErrorNames.Runtime, null), new FakeExecutionHost(), out _));
    }

    [Fact]
    public void TryGetDelay_FullJitter_UsesHostRandomness()
    {
        var evaluator = new RetryEvaluator([new Retrier { ErrorEquals = ["E"], IntervalSeconds = 4, JitterStrategy = JitterStrategy.Full }]);
        var host = new FakeExecutionHost();
        host.QueueRandom(0.5);

        Assert.True(evaluator.TryGetDelay(new AslError("E", null), host, out var delay));
        Assert.Equal(TimeSpan.FromSeconds(2), delay);
    }
}
