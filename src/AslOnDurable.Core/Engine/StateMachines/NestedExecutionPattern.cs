namespace AslOnDurable.Core.Engine.StateMachines;

/// <summary>How a Task state that starts another state machine waits for it (the resource's suffix).</summary>
public enum NestedExecutionPattern
{
    /// <summary><c>states:startExecution</c>: start it; the result is <c>ExecutionArn</c> and <c>StartDate</c>.</summary>
    RequestResponse,

    /// <summary><c>states:startExecution.sync</c>: wait; the result is DescribeExecution's with <c>Input</c>/<c>Output</c> as JSON text.</summary>
    Sync,

    /// <summary><c>states:startExecution.sync:2</c>: wait; the result is DescribeExecution's with <c>Input</c>/<c>Output</c> as JSON.</summary>
    Sync2,
}
