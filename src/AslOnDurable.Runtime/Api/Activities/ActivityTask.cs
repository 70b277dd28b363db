namespace AslOnDurable.Runtime.Api.Activities;

/// <summary>One scheduled activity task waiting for a worker: its token, its input and when it times out.</summary>
/// <param name="TaskToken">The task token (names the execution that waits).</param>
/// <param name="Input">The input as JSON text.</param>
/// <param name="Deadline">When the task's <c>TimeoutSeconds</c> runs out, or <c>null</c> for none.</param>
internal sealed record ActivityTask(string TaskToken, string Input, DateTimeOffset? Deadline);
