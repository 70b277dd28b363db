using AslOnDurable.Runtime.Durable;

namespace AslOnDurable.Functions;

/// <summary>Every function's name, in one place (orchestrator and activity names are the Runtime's registered names).</summary>
internal static class FunctionNames
{
    /// <summary>HTTP: start an execution.</summary>
    public const string StartExecution = "StartExecution";

    /// <summary>HTTP: describe an execution.</summary>
    public const string DescribeExecution = "DescribeExecution";

    /// <summary>HTTP: SendTaskSuccess for a <c>.waitForTaskToken</c> task.</summary>
    public const string SendTaskSuccess = "SendTaskSuccess";

    /// <summary>HTTP: SendTaskFailure for a <c>.waitForTaskToken</c> task.</summary>
    public const string SendTaskFailure = "SendTaskFailure";

    /// <summary>HTTP: SendTaskHeartbeat for a <c>.waitForTaskToken</c> task.</summary>
    public const string SendTaskHeartbeat = "SendTaskHeartbeat";

    /// <summary>HTTP: the AWS Step Functions API (AWS JSON 1.0, <c>X-Amz-Target</c>).</summary>
    public const string StepFunctionsApi = "StepFunctionsApi";

    /// <summary>HTTP: the web console's files (<c>GET /api/console/{*path}</c>).</summary>
    public const string WebConsole = "WebConsole";

    /// <summary>Orchestration trigger for <see cref="Runtime.Durable.StateMachineOrchestrator"/>.</summary>
    public const string StateMachineOrchestrator = OrchestratorNames.StateMachine;

    /// <summary>Activity trigger for <see cref="Runtime.Durable.Activities.StateMachineTaskActivity"/>.</summary>
    public const string StateMachineTask = ActivityNames.StateMachineTask;

    /// <summary>Activity trigger for <see cref="Runtime.Durable.Activities.StartExecutionActivity"/>.</summary>
    public const string StartStateMachineExecution = ActivityNames.StartExecution;

    /// <summary>Activity trigger for <see cref="Runtime.Durable.Activities.CloseChildrenActivity"/>.</summary>
    public const string CloseAbandonedChildren = ActivityNames.CloseChildren;

    /// <summary>Orchestration trigger for <see cref="Runtime.Durable.MapRuns.MapRunOrchestrator"/>.</summary>
    public const string MapRunOrchestrator = OrchestratorNames.MapRun;

    /// <summary>Activity trigger: stage a map run's items.</summary>
    public const string MapRunStage = ActivityNames.MapRunStage;

    /// <summary>Activity trigger: run a chunk of EXPRESS map-run children.</summary>
    public const string MapRunChunk = ActivityNames.MapRunChunk;

    /// <summary>Activity trigger: a chunk's STANDARD child inputs.</summary>
    public const string MapRunChildInputs = ActivityNames.MapRunChildInputs;

    /// <summary>Activity trigger: record a chunk's STANDARD children.</summary>
    public const string MapRunRecordChunk = ActivityNames.MapRunRecordChunk;

    /// <summary>Activity trigger: find what a redriven map run staged before.</summary>
    public const string MapRunRedriveStage = ActivityNames.MapRunRedriveStage;

    /// <summary>Activity trigger: redrive a chunk of EXPRESS map-run children.</summary>
    public const string MapRunRedriveChunk = ActivityNames.MapRunRedriveChunk;

    /// <summary>Activity trigger: finish a map run.</summary>
    public const string MapRunFinish = ActivityNames.MapRunFinish;

    /// <summary>Timer: delete the working blobs of map runs past the redrive period.</summary>
    public const string MapRunSweep = "MapRunSweep";

    /// <summary>Timer: start the scheduled execution.</summary>
    public const string ScheduledStart = "ScheduledStart";

    /// <summary>HTTP: start a registered state machine by name (<c>POST /api/statemachines/{name}/executions</c>).</summary>
    public const string StartStateMachine = "StartStateMachine";

    /// <summary>HTTP: describe an execution of a registered state machine (<c>GET /api/statemachines/{name}/executions/{execution}</c>).</summary>
    public const string DescribeStateMachineExecution = "DescribeStateMachineExecution";

    /// <summary>Queue: start an execution per message.</summary>
    public const string QueueStart = "QueueStart";

    /// <summary>App setting holding the schedule's NCRONTAB expression.</summary>
    public const string ScheduleSetting = "%AslScheduleCron%";

    /// <summary>App setting holding the scheduled state machine's ASL definition (JSON text).</summary>
    public const string ScheduleDefinitionSetting = "AslScheduleDefinition";

    /// <summary>App setting holding the scheduled execution's input (JSON text; <c>{}</c> when absent).</summary>
    public const string ScheduleInputSetting = "AslScheduleInput";

    /// <summary>App setting: the API endpoint the console calls, relative to its page (default <c>../stepfunctions</c>).</summary>
    public const string ConsoleApiEndpointSetting = "AslConsoleApiEndpoint";

    /// <summary>App setting holding the start queue's name.</summary>
    public const string StartQueueSetting = "%AslStartQueue%";

    /// <summary>The start queue's poison queue (the name the queue extension itself uses), where refused messages go with their reason.</summary>
    public const string StartQueuePoisonSetting = "%AslStartQueue%-poison";
}
