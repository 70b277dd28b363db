using Microsoft.Extensions.Logging;

using AslOnDurable.Runtime.Hosting;

namespace AslOnDurable.Runtime;

/// <summary>Source-generated log messages of the Runtime (one place, conventions rule 12).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Durable self-host started: backend {Backend}, task hub {TaskHub}, {Orchestrators} orchestrators, {Activities} activities")]
    public static partial void SelfHostStarted(ILogger logger, DurableBackend backend, string taskHub, int orchestrators, int activities);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Durable self-host stopped: task hub {TaskHub}")]
    public static partial void SelfHostStopped(ILogger logger, string taskHub);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Durable self-host handed its work over: task hub {TaskHub}, {Abandoned} running activities abandoned to the next worker")]
    public static partial void SelfHostHandedOver(ILogger logger, string taskHub, int abandoned);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Starting {Orchestrator} as instance {InstanceId} ({Trigger})")]
    public static partial void ExecutionStarting(ILogger logger, string orchestrator, string instanceId, string trigger);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "Step Functions API action {Action} failed")]
    public static partial void ApiActionFailed(ILogger logger, string action, Exception exception);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "EXPRESS execution {ExecutionArn} failed to run")]
    public static partial void ExpressRunFailed(ILogger logger, string executionArn, Exception exception);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "{EventType} #{HistoryEventId} of {ExecutionArn}: {Record}")]
    public static partial void ExecutionEvent(ILogger logger, string eventType, long historyEventId, string executionArn, string record);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "{EventType} #{HistoryEventId} of {ExecutionArn}: {Record}")]
    public static partial void ExecutionErrorEvent(ILogger logger, string eventType, long historyEventId, string executionArn, string record);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "State machine {StateMachineArn}: {Code} at {Location}: {Diagnostic}")]
    public static partial void DefinitionWarning(ILogger logger, string stateMachineArn, string code, string? location, string diagnostic);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Error, Message = "Could not store {Count} history events of instance {InstanceId}")]
    public static partial void HistoryWriteFailed(ILogger logger, string instanceId, int count, Exception exception);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Warning, Message = "Could not keep in the execution index that instance {InstanceId} closed")]
    public static partial void ClosingNotIndexed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Warning, Message = "The sweep of map runs' working blobs failed; the next one runs in {Interval}")]
    public static partial void MapRunSweepFailed(ILogger logger, TimeSpan interval, Exception exception);
}
