using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>Input of one <see cref="Activities.StateMachineTaskActivity"/> call: one attempt of a Task state.</summary>
/// <param name="Version">The record version (<see cref="PayloadVersion.Current"/> when written).</param>
/// <param name="StateName">The Task state's name.</param>
/// <param name="Resource">The resource ARN or URI.</param>
/// <param name="Input">The effective parameters.</param>
/// <param name="RetryCount">The zero-based retry count of this attempt.</param>
/// <param name="ExecutionId">The execution ARN.</param>
public sealed record TaskActivityInput(int Version, string StateName, string Resource, JsonNode? Input, int RetryCount, string ExecutionId)
{
    /// <summary>Gets the effective <c>TimeoutSeconds</c>, if any.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Gets the effective <c>HeartbeatSeconds</c>, if any.</summary>
    public int? HeartbeatSeconds { get; init; }

    /// <summary>Gets the task token (<c>$$.Task.Token</c>) of a <c>.waitForTaskToken</c> resource, if any.</summary>
    public string? TaskToken { get; init; }

    /// <summary>Gets the evaluated <c>Credentials</c>, if any.</summary>
    public JsonNode? Credentials { get; init; }

    /// <summary>
    /// Gets the seconds the execution had left (its <c>TimeoutSeconds</c>) when the call was scheduled, if it has a
    /// deadline: the activity stops waiting for the handler a little after that much time from its own start (see
    /// <see cref="Activities.StateMachineTaskActivity"/>). A duration, not a date: the orchestration's time and the
    /// worker's clock need not agree.
    /// </summary>
    public double? ExecutionSecondsLeft { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the task call's span, so the activity's work joins the execution's trace.</summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// Gets the orchestration instance that made the call, so a host without a closing service (the Functions app) can
    /// stop waiting once that instance's result is decided (<see cref="Activities.StateMachineTaskActivity"/>). Sent only
    /// by an orchestrator that closes its open work itself (<see cref="DurableExecutionHost.ClosesOpenChildren"/>, the
    /// Functions app); the self-hosts' activities never read it.
    /// </summary>
    public string? InstanceId { get; init; }
}
