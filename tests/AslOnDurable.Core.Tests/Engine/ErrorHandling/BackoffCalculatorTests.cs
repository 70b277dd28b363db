using AslOnDurable.Core.Engine.ErrorHandling;
using AslOnDurable.Core.Model.ErrorHandling;

namespace AslOnDurable.Core.Tests.Engine.ErrorHandling;

public sealed class BackoffCalculatorTests
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 6)]
    [InlineData(2, 12)]
    public void Delay_Backoff_MultipliesIntervalPerRetry(int retry, double seconds)
    {
        var retrier = new Retrier { ErrorEquals = ["E"], IntervalSeconds = 3, BackoffRate = 2 };

        Assert.Equal(TimeSpan.FromSeconds(seconds), BackoffCalculator.Delay(retrier, retry, 0.9));
    }

    [Fact]
    public void Delay_MaxDelaySeconds_CapsTheInterval()
    {
        var retrier = new Retrier { ErrorEquals = ["E"], IntervalSeconds = 10, BackoffRate = 10, MaxDelaySeconds = 30 };

        Assert.Equal(TimeSpan.FromSeconds(30), BackoffCalculator.Delay(retrier, 3, 0));
    }

    [Fact]
    public void Delay_FullJitter_ScalesByHostRandom()
    {
        var retrier = new Retrier { ErrorEquals = ["E"], IntervalSeconds = 10, BackoffRate = 1, JitterStrategy = JitterStrategy.Full };

        Assert.Equal(TimeSpan.FromSeconds(2.5), BackoffCalculator.Delay(retrier, 0, 0.25));
    }
}
