namespace AslOnDurable.Runtime.Api.Testing;

/// <summary>One way out of the tested state, as a stub state of the probe machine.</summary>
/// <param name="Kind">How the state leaves: <see cref="Next"/>, <see cref="Catch"/> or <see cref="Retry"/>.</param>
/// <param name="Index">The catcher's or retrier's index.</param>
/// <param name="Target">The state that would run next (Next and Catch).</param>
/// <param name="BackoffSeconds">The wait before the retry (Retry).</param>
internal sealed record ProbeExit(string Kind, int Index, string? Target, int BackoffSeconds)
{
    /// <summary>A transition (Next, a Choice rule, Default).</summary>
    public const string Next = "Next";

    /// <summary>A catcher.</summary>
    public const string Catch = "Catch";

    /// <summary>A retrier (TestState never retries: it reports RETRIABLE).</summary>
    public const string Retry = "Retry";
}
