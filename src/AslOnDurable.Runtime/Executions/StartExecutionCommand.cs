namespace AslOnDurable.Runtime.Executions;

/// <summary>A request to start an execution, whatever transport carried it.</summary>
/// <param name="InputJson">The execution input as JSON text.</param>
/// <param name="InstanceId">The instance id to use, or <c>null</c> to have one made.</param>
/// <param name="Trigger">What asked for the start (for logs): http, queue, schedule, cli…</param>
public sealed record StartExecutionCommand(string InputJson, string? InstanceId, string Trigger);
