namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>TestState's <c>stateConfiguration</c>.</summary>
/// <param name="RetrierRetryCount">How many retries have happened (a retrier whose MaxAttempts it has reached no longer applies).</param>
public sealed record TestStateConfiguration(int? RetrierRetryCount);
