using System.Collections.Immutable;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Model.ErrorHandling;

namespace AslOnDurable.Core.Engine.ErrorHandling;

/// <summary>
/// Decides whether a state retries after an error. One instance per state entry: counters are per retrier.
/// AWS: the first retrier whose ErrorEquals matches decides; once it has used MaxAttempts, the error goes to Catch
/// (later retriers are not consulted).
/// </summary>
/// <param name="retriers">The state's retriers.</param>
internal sealed class RetryEvaluator(ImmutableArray<Retrier> retriers)
{
    private int[]? counts;

    /// <summary>The total number of retries made so far (<c>$$.State.RetryCount</c>).</summary>
    public int TotalRetries { get; private set; }

    /// <summary>Whether to retry, and after how long.</summary>
    public bool TryGetDelay(AslError error, IExecutionHost host, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (retriers.IsDefaultOrEmpty)
        {
            return false;
        }

        for (var i = 0; i < retriers.Length; i++)
        {
            var retrier = retriers[i];
            if (!ErrorMatcher.MatchesAny(retrier.ErrorEquals, error.Error))
            {
                continue;
            }

            counts ??= new int[retriers.Length];
            if (counts[i] >= retrier.MaxAttempts)
            {
                return false;
            }

            var random = retrier.JitterStrategy == JitterStrategy.Full ? host.NextRandom() : 0;
            delay = BackoffCalculator.Delay(retrier, counts[i], random);
            counts[i]++;
            TotalRetries++;
            return true;
        }

        return false;
    }
}
