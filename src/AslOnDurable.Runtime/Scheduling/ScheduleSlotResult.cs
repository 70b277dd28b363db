namespace AslOnDurable.Runtime.Scheduling;

/// <summary>One due slot and what happened to it.</summary>
/// <param name="ScheduleName">The schedule.</param>
/// <param name="ScheduledTime">The slot.</param>
/// <param name="ExecutionName">The slot's execution name.</param>
/// <param name="Outcome">Started, already started, or failed.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record ScheduleSlotResult(string ScheduleName, DateTimeOffset ScheduledTime, string ExecutionName, ScheduleSlotOutcome Outcome, string? Error = null);
