using Microsoft.Extensions.Logging;

namespace AslOnDurable.Functions;

/// <summary>Source-generated log messages of the Functions app.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Schedule {Schedule} fired (past due: {IsPastDue}); started {InstanceId}")]
    public static partial void ScheduleFired(ILogger logger, string schedule, bool isPastDue, string instanceId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Schedule {Schedule} fired but no definition is configured ({Setting}); nothing started")]
    public static partial void ScheduleNotConfigured(ILogger logger, string schedule, string setting);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Queue message started {InstanceId}")]
    public static partial void QueueMessageStarted(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Queue message {MessageId} was delivered again: execution {ExecutionName} already exists")]
    public static partial void QueueMessageAlreadyStarted(ILogger logger, string messageId, string executionName);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Queue message {MessageId} moved to the poison queue: {Reason}")]
    public static partial void QueueMessagePoisoned(ILogger logger, string messageId, string reason);
}
