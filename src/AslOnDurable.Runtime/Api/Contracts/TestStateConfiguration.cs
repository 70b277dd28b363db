namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>TestState's <c>stateConfiguration</c>.</summary>
/// <param name="RetrierRetryCount">How many retries have happened (a retrier whose MaxAttempts it has reached no longer applies).</param>
/// <param name="ErrorCausedByState">The state inside a mocked Map or Parallel state the mocked error comes from (checked to exist).</param>
/// <param name="MapIterationFailureCount">How many iterations of the mocked Map state failed: more than its tolerated failures (count or percentage) fail it with <c>States.ExceedToleratedFailureThreshold</c>.</param>
/// <param name="MapItemReaderData">The data a Distributed Map's ItemReader reads (a JSON array there gives the item count for the tolerated percentage).</param>
public sealed record TestStateConfiguration(int? RetrierRetryCount, string? ErrorCausedByState, int? MapIterationFailureCount, string? MapItemReaderData);
