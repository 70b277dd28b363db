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
}
