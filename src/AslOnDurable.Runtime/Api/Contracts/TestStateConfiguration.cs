namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>TestState's <c>stateConfiguration</c>.</summary>
/// <param name="RetrierRetryCount">How many retries have happened (a retrier whose MaxAttempts it has reached no longer applies).</param>
/// <param name="ErrorCausedByState">The state inside a mocked Map or Parallel state the mocked error comes from (checked to exist).</param>
/// <param name="MapIterationFailureCount">How many iterations of the Map failed (accepted; the mock stands for the whole Map here).</param>
/// <param name="MapItemReaderData">The data a Distributed Map's ItemReader reads (accepted; not used here).</param>
public sealed record TestStateConfiguration(int? RetrierRetryCount, string? ErrorCausedByState, int? MapIterationFailureCount, string? MapItemReaderData);
