namespace AslOnDurable.Core.Engine.History;

/// <summary>AWS's history event type names.</summary>
public static class HistoryEventTypes
{
    /// <summary><c>ExecutionStarted</c></summary>
    public const string ExecutionStarted = "ExecutionStarted";
    /// <summary><c>ExecutionSucceeded</c></summary>
    public const string ExecutionSucceeded = "ExecutionSucceeded";
    /// <summary><c>ExecutionFailed</c></summary>
    public const string ExecutionFailed = "ExecutionFailed";
    /// <summary><c>ExecutionTimedOut</c></summary>
    public const string ExecutionTimedOut = "ExecutionTimedOut";
    /// <summary><c>ExecutionRedriven</c> (RedriveExecution restarted a closed execution from its unsuccessful state)</summary>
    public const string ExecutionRedriven = "ExecutionRedriven";
    /// <summary><c>TaskScheduled</c></summary>
    public const string TaskScheduled = "TaskScheduled";
    /// <summary><c>TaskStarted</c></summary>
    public const string TaskStarted = "TaskStarted";
    /// <summary><c>TaskSucceeded</c></summary>
    public const string TaskSucceeded = "TaskSucceeded";
    /// <summary><c>TaskFailed</c></summary>
    public const string TaskFailed = "TaskFailed";
    /// <summary><c>TaskTimedOut</c> (the attempt ran past TimeoutSeconds or missed a heartbeat)</summary>
    public const string TaskTimedOut = "TaskTimedOut";
    /// <summary><c>ActivityScheduled</c> (Task states whose Resource is an activity ARN)</summary>
    public const string ActivityScheduled = "ActivityScheduled";
    /// <summary><c>ActivityStarted</c> (a worker took the task with GetActivityTask)</summary>
    public const string ActivityStarted = "ActivityStarted";
    /// <summary><c>ActivitySucceeded</c></summary>
    public const string ActivitySucceeded = "ActivitySucceeded";
    /// <summary><c>ActivityFailed</c></summary>
    public const string ActivityFailed = "ActivityFailed";
    /// <summary><c>ActivityTimedOut</c> (not taken or not answered within TimeoutSeconds, or a missed heartbeat)</summary>
    public const string ActivityTimedOut = "ActivityTimedOut";
    /// <summary><c>LambdaFunctionTimedOut</c></summary>
    public const string LambdaFunctionTimedOut = "LambdaFunctionTimedOut";
    /// <summary><c>LambdaFunctionScheduled</c> (Task states whose Resource is a Lambda function ARN)</summary>
    public const string LambdaFunctionScheduled = "LambdaFunctionScheduled";
    /// <summary><c>LambdaFunctionStarted</c></summary>
    public const string LambdaFunctionStarted = "LambdaFunctionStarted";
    /// <summary><c>LambdaFunctionSucceeded</c></summary>
    public const string LambdaFunctionSucceeded = "LambdaFunctionSucceeded";
    /// <summary><c>LambdaFunctionFailed</c></summary>
    public const string LambdaFunctionFailed = "LambdaFunctionFailed";
    /// <summary><c>MapStateStarted</c></summary>
    public const string MapStateStarted = "MapStateStarted";
    /// <summary><c>MapStateSucceeded</c></summary>
    public const string MapStateSucceeded = "MapStateSucceeded";
    /// <summary><c>MapStateFailed</c></summary>
    public const string MapStateFailed = "MapStateFailed";
    /// <summary><c>MapRunStarted</c> (details: <c>mapRunArn</c>)</summary>
    public const string MapRunStarted = "MapRunStarted";
    /// <summary><c>MapRunRedriven</c> (details: <c>mapRunArn</c>, <c>redriveCount</c>): a redriven execution redrives its map run</summary>
    public const string MapRunRedriven = "MapRunRedriven";
    /// <summary><c>MapRunSucceeded</c></summary>
    public const string MapRunSucceeded = "MapRunSucceeded";
    /// <summary><c>MapRunFailed</c> (details: <c>error</c>, <c>cause</c>)</summary>
    public const string MapRunFailed = "MapRunFailed";
    /// <summary><c>MapRunAborted</c></summary>
    public const string MapRunAborted = "MapRunAborted";
    /// <summary><c>MapIterationStarted</c></summary>
    public const string MapIterationStarted = "MapIterationStarted";
    /// <summary><c>MapIterationSucceeded</c></summary>
    public const string MapIterationSucceeded = "MapIterationSucceeded";
    /// <summary><c>MapIterationFailed</c></summary>
    public const string MapIterationFailed = "MapIterationFailed";
    /// <summary><c>ParallelStateStarted</c></summary>
    public const string ParallelStateStarted = "ParallelStateStarted";
    /// <summary><c>ParallelStateSucceeded</c></summary>
    public const string ParallelStateSucceeded = "ParallelStateSucceeded";
    /// <summary><c>ParallelStateFailed</c></summary>
    public const string ParallelStateFailed = "ParallelStateFailed";
    /// <summary><c>EvaluationFailed</c> (JSONata evaluation errors)</summary>
    public const string EvaluationFailed = "EvaluationFailed";

    /// <summary>The <c>&lt;Type&gt;StateEntered</c> name for a state type.</summary>
    /// <param name="stateType">The ASL state type (<c>Pass</c>, <c>Task</c>…).</param>
    /// <returns>The event type.</returns>
    public static string StateEntered(string stateType) => stateType switch
    {
        "Pass" => "PassStateEntered",
        "Task" => "TaskStateEntered",
        "Choice" => "ChoiceStateEntered",
        "Wait" => "WaitStateEntered",
        "Succeed" => "SucceedStateEntered",
        "Fail" => "FailStateEntered",
        "Parallel" => "ParallelStateEntered",
        "Map" => "MapStateEntered",
        _ => stateType + "StateEntered",
    };

    /// <summary>The <c>&lt;Type&gt;StateExited</c> name for a state type.</summary>
    /// <param name="stateType">The ASL state type.</param>
    /// <returns>The event type.</returns>
    public static string StateExited(string stateType) => stateType switch
    {
        "Pass" => "PassStateExited",
        "Task" => "TaskStateExited",
        "Choice" => "ChoiceStateExited",
        "Wait" => "WaitStateExited",
        "Succeed" => "SucceedStateExited",
        "Parallel" => "ParallelStateExited",
        "Map" => "MapStateExited",
        _ => stateType + "StateExited",
    };
}
