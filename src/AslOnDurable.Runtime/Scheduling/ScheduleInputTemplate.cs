namespace AslOnDurable.Runtime.Scheduling;

/// <summary>Replaces EventBridge Scheduler's context attributes in a target input.</summary>
public static class ScheduleInputTemplate
{
    /// <summary>The placeholder replaced by the schedule's ARN.</summary>
    public const string ScheduleArn = "<aws.scheduler.schedule-arn>";

    /// <summary>The placeholder replaced by the slot's time (<c>yyyy-MM-ddTHH:mm:ssZ</c>).</summary>
    public const string ScheduledTime = "<aws.scheduler.scheduled-time>";

    /// <summary>The placeholder replaced by the invocation's id (here: the execution name, the same on a retry).</summary>
    public const string ExecutionId = "<aws.scheduler.execution-id>";

    /// <summary>The placeholder replaced by the attempt number (1: a slot is started once).</summary>
    public const string AttemptNumber = "<aws.scheduler.attempt-number>";

    /// <summary>The input with every placeholder replaced.</summary>
    /// <param name="template">The target's input template.</param>
    /// <param name="scheduleArn">The schedule's ARN.</param>
    /// <param name="scheduledTime">The slot.</param>
    /// <param name="executionId">The invocation's id.</param>
    /// <returns>The input text.</returns>
    public static string Render(string template, string scheduleArn, DateTimeOffset scheduledTime, string executionId)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template
            .Replace(ScheduleArn, scheduleArn, StringComparison.Ordinal)
            .Replace(ScheduledTime, scheduledTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(ExecutionId, executionId, StringComparison.Ordinal)
            .Replace(AttemptNumber, "1", StringComparison.Ordinal);
    }
}
