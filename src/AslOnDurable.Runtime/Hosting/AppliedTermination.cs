namespace AslOnDurable.Runtime.Hosting;

/// <summary>A termination the self-host's backend has applied to a durable instance.</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="GenerationCreated">When the terminated generation was created (a redrive starts a new one on the same instance).</param>
/// <param name="At">When the termination was applied.</param>
public sealed record AppliedTermination(string InstanceId, DateTimeOffset GenerationCreated, DateTimeOffset At);
