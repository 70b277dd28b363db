namespace AslOnDurable.Runtime.Scheduling;

/// <summary>
/// One schedule, in EventBridge Scheduler's shape (<c>CreateSchedule</c>): an expression evaluated in a time zone, an
/// optional active window and a target state machine with its input.
/// </summary>
public sealed record Schedule
{
    /// <summary>The schedule's name (1-64 of <c>0-9 a-z A-Z - _ .</c>), unique within its group.</summary>
    public required string Name { get; init; }

    /// <summary>The schedule group (<c>default</c> unless given).</summary>
    public string GroupName { get; init; } = "default";

    /// <summary>The parsed <c>ScheduleExpression</c>.</summary>
    public required ScheduleExpression Expression { get; init; }

    /// <summary>The <c>ScheduleExpressionTimezone</c> (UTC unless given).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Whether the schedule runs (<c>State</c> ENABLED) or not (DISABLED).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>No invocation before this instant (<c>StartDate</c>); also the first occurrence of a rate expression.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>No invocation after this instant (<c>EndDate</c>).</summary>
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>The state machine to start and its (templated) input.</summary>
    public required ScheduleTarget Target { get; init; }

    /// <summary>The schedule's ARN: <c>arn:aws:scheduler:region:account:schedule/group/name</c>.</summary>
    public required string Arn { get; init; }
}
