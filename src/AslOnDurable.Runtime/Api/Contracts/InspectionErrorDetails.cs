namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>TestState's <c>errorDetails</c>: the retrier (and its backoff) or catcher that applies to the error.</summary>
/// <param name="CatchIndex">The catcher's index (CAUGHT_ERROR).</param>
/// <param name="RetryIndex">The retrier's index (RETRIABLE).</param>
/// <param name="RetryBackoffIntervalSeconds">The wait before the retry (RETRIABLE).</param>
public sealed record InspectionErrorDetails(int? CatchIndex, int? RetryIndex, int? RetryBackoffIntervalSeconds);
