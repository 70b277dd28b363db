namespace AslOnDurable.Runtime.Durable;

/// <summary>Names under which activities are registered; in the Functions app they are also function names.</summary>
public static class ActivityNames
{
    /// <summary>Answers one branch of the diagnostic orchestration.</summary>
    public const string Ping = "PingActivity";

    /// <summary>Runs one attempt of a Task state (<see cref="Activities.StateMachineTaskActivity"/>).</summary>
    public const string StateMachineTask = "StateMachineTask";

    /// <summary>Starts a child execution the parent does not wait for (<see cref="Activities.StartExecutionActivity"/>).</summary>
    public const string StartExecution = "StartStateMachineExecution";

    /// <summary>
    /// Terminates the child executions a decided instance no longer awaits, where no closing service does
    /// (<see cref="Activities.CloseChildrenActivity"/>, the Functions app).
    /// </summary>
    public const string CloseChildren = "CloseAbandonedChildren";

    /// <summary>Streams a map run's ItemReader into chunk blobs.</summary>
    public const string MapRunStage = "MapRunStage";

    /// <summary>Runs a chunk of EXPRESS map-run children in memory.</summary>
    public const string MapRunChunk = "MapRunChunk";

    /// <summary>Gives a chunk's child inputs and the item processor (STANDARD children).</summary>
    public const string MapRunChildInputs = "MapRunChildInputs";

    /// <summary>Records what a chunk's STANDARD children did.</summary>
    public const string MapRunRecordChunk = "MapRunRecordChunk";

    /// <summary>Finds what a redriven map run staged before (<see cref="Activities.MapRuns.MapRunRedriveStageActivity"/>).</summary>
    public const string MapRunRedriveStage = "MapRunRedriveStage";

    /// <summary>Redrives a chunk of EXPRESS map-run children: only those that did not succeed run again.</summary>
    public const string MapRunRedriveChunk = "MapRunRedriveChunk";

    /// <summary>Writes the manifest or gathers the Map's output.</summary>
    public const string MapRunFinish = "MapRunFinish";
}
