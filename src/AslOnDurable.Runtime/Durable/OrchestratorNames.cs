namespace AslOnDurable.Runtime.Durable;

/// <summary>Names under which orchestrators are registered; in the Functions app they are also function names.</summary>
public static class OrchestratorNames
{
    /// <summary>The diagnostic orchestration: fans out <see cref="ActivityNames.Ping"/> calls, then waits on a durable timer.</summary>
    public const string Ping = "PingOrchestrator";

    /// <summary>Runs one Standard workflow execution (<see cref="StateMachineOrchestrator"/>).</summary>
    public const string StateMachine = "StateMachineOrchestrator";

    /// <summary>A distributed Map's map run (<see cref="MapRuns.MapRunOrchestrator"/>).</summary>
    public const string MapRun = "MapRunOrchestrator";
}
