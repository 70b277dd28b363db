namespace AslOnDurable.Runtime.Scheduling;

/// <summary>One slot of a schedule to start: the same slot always gives the same <see cref="ExecutionName"/>.</summary>
/// <param name="Schedule">The schedule.</param>
/// <param name="ScheduledTime">The slot.</param>
/// <param name="ExecutionName">The deterministic execution name (a slot fired twice starts once).</param>
/// <param name="Input">The rendered input (JSON text).</param>
public sealed record ScheduledStart(Schedule Schedule, DateTimeOffset ScheduledTime, string ExecutionName, string Input);
