using Microsoft.Extensions.Logging;

namespace AslOnDurable.Functions;

/// <summary>Source-generated log messages of the Functions app.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Schedule {Schedule} fired (past due: {IsPastDue}); started {InstanceId}")]
    public static partial void ScheduleFired(ILogger logger, string schedule, bool isPastDue, string instanceId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Timer {Schedule} fired but no schedules ({Setting}) and no definition are configured; nothing started")]
    public static partial void ScheduleNotConfigured(ILogger logger, string schedule, string setting);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Queue message started {InstanceId}")]
    public static partial void QueueMessageStarted(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Queue message {MessageId} was delivered again: execution {ExecutionName} already exists")]
    public static partial void QueueMessageAlreadyStarted(ILogger logger, string messageId, string executionName);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Queue message {MessageId} moved to the poison queue: {Reason}")]
    public static partial void QueueMessagePoisoned(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Schedule {Schedule}: slot {ScheduledTime:o} started as {ExecutionName}")]
    public static partial void ScheduleSlotStarted(ILogger logger, string schedule, DateTimeOffset scheduledTime, string executionName);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Debug, Message = "Schedule {Schedule}: slot {ScheduledTime:o} had started before as {ExecutionName}")]
    public static partial void ScheduleSlotAlreadyStarted(ILogger logger, string schedule, DateTimeOffset scheduledTime, string executionName);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "Schedule {Schedule}: slot {ScheduledTime:o} could not start (retried on the next tick while inside the missed-run window): {Error}")]
    public static partial void ScheduleSlotFailed(ILogger logger, string schedule, DateTimeOffset scheduledTime, string error);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Schedule {Schedule}: {Count}{More} slots from {First:o} to {Last:o} were skipped: the app did not run then and they are older than the missed-run window ({Window})")]
    public static partial void ScheduleRunsMissed(ILogger logger, string schedule, int count, string more, DateTimeOffset first, DateTimeOffset last, TimeSpan window);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Deleted the working blobs of {Count} map runs past the redrive period")]
    public static partial void MapRunWorkingDataSwept(ILogger logger, int count);
}
