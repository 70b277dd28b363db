using AslOnDurable.Core.Model.ErrorHandling;

namespace AslOnDurable.Core.Engine.ErrorHandling;

/// <summary>AWS's retry interval: IntervalSeconds × BackoffRate^retry, capped by MaxDelaySeconds, FULL jitter drawn from the host.</summary>
internal static class BackoffCalculator
{
    /// <summary>The delay before retry number <paramref name="retryIndex"/> (0 for the first retry) of one retrier.</summary>
    /// <param name="retrier">The retrier.</param>
    /// <param name="retryIndex">How many retries this retrier already made.</param>
    /// <param name="random">A value in [0, 1) from the host, used only for FULL jitter.</param>
    public static TimeSpan Delay(Retrier retrier, int retryIndex, double random)
    {
        var seconds = retrier.IntervalSeconds * Math.Pow(retrier.BackoffRate, retryIndex);
        if (retrier.MaxDelaySeconds is { } max && seconds > max)
        {
            seconds = max;
        }

        if (retrier.JitterStrategy == JitterStrategy.Full)
        {
            seconds *= random;
        }

        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
    }
}
