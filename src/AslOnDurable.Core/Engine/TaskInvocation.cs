using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine;

/// <summary>One attempt of a Task state: the resource and its effective parameters.</summary>
public sealed record TaskInvocation
{
    /// <summary>The Task state's name.</summary>
    public required string StateName { get; init; }

    /// <summary>The resource ARN or URI.</summary>
    public required string Resource { get; init; }

    /// <summary>The effective parameters (after InputPath and Parameters/Arguments); owned by the callee.</summary>
    public JsonNode? Input { get; init; }

    /// <summary>The zero-based retry count of this attempt (<c>$$.State.RetryCount</c>).</summary>
    public int RetryCount { get; init; }

    /// <summary>The effective <c>TimeoutSeconds</c>, or <see langword="null"/> when none.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The effective <c>HeartbeatSeconds</c>, or <see langword="null"/> when none.</summary>
    public int? HeartbeatSeconds { get; init; }

    /// <summary>The execution's id (ARN).</summary>
    public required string ExecutionId { get; init; }

    /// <summary>
    /// The task token (<c>$$.Task.Token</c>) for <c>.waitForTaskToken</c> resources, or <see langword="null"/>. The host
    /// completes the invocation when the token's callback arrives (SendTaskSuccess/Failure), racing timeout and heartbeat.
    /// </summary>
    public string? TaskToken { get; init; }

    /// <summary>
    /// The attempt's clock (time, waits, heartbeats), set by hosts that enforce <see cref="TimeoutSeconds"/> and
    /// <see cref="HeartbeatSeconds"/> themselves (the in-memory host); <see langword="null"/> otherwise.
    /// </summary>
    public Tasks.ITaskClock? Clock { get; init; }

    /// <summary>
    /// Set for Task states whose Resource is an activity ARN: the host calls it when a worker takes the task
    /// (GetActivityTask), with the worker's name, so the engine records <c>ActivityStarted</c>. For such tasks the
    /// heartbeat clock (<see cref="HeartbeatSeconds"/>) starts then; <see cref="TimeoutSeconds"/> counts from scheduling.
    /// </summary>
    public Action<string?>? ActivityStarted { get; init; }

    /// <summary>The evaluated <c>Credentials</c>, or <see langword="null"/>.</summary>
    public JsonNode? Credentials { get; init; }
}
