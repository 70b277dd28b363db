namespace AslOnDurable.Runtime.Scheduling;

/// <summary>A schedule's <c>Target</c>: the state machine (ARN, or the ARN of one of its versions or aliases) and input.</summary>
/// <remarks>
/// <see cref="Input"/> is a template: EventBridge Scheduler's context attributes
/// <c>&lt;aws.scheduler.schedule-arn&gt;</c>, <c>&lt;aws.scheduler.scheduled-time&gt;</c>,
/// <c>&lt;aws.scheduler.execution-id&gt;</c> and <c>&lt;aws.scheduler.attempt-number&gt;</c> are replaced for each
/// invocation (see <see cref="ScheduleInputTemplate"/>).
/// </remarks>
public sealed record ScheduleTarget
{
    /// <summary>The target state machine ARN.</summary>
    public required string Arn { get; init; }

    /// <summary>The input template (JSON text once placeholders are replaced); <c>{}</c> unless given.</summary>
    public string Input { get; init; } = "{}";
}
