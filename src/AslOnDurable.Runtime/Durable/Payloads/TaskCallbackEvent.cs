namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>
/// One callback for a waiting task (SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat), raised as the external event
/// <see cref="TaskToken.EventName"/> of the task's token and stored in the orchestration's history.
/// </summary>
/// <param name="Version">The record version (<see cref="PayloadVersion.Current"/> when written).</param>
/// <param name="Kind">One of the <see cref="TaskCallbackKinds"/> names.</param>
public sealed record TaskCallbackEvent(int Version, string Kind)
{
    /// <summary>Gets the task's result as JSON text (success).</summary>
    public string? Output { get; init; }

    /// <summary>Gets the error name (failure), or <c>null</c> when the caller gave none.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the cause (failure), or <c>null</c> when the caller gave none.</summary>
    public string? Cause { get; init; }

    /// <summary>Gets the worker that took an activity task (<see cref="TaskCallbackKinds.Started"/>), or <c>null</c>.</summary>
    public string? WorkerName { get; init; }
}
