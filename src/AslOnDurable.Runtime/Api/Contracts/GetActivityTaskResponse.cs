namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>GetActivityTask's response: both members absent when no task arrived within the poll.</summary>
/// <param name="TaskToken">The task token for SendTaskSuccess/Failure/Heartbeat.</param>
/// <param name="Input">The task's input as JSON text.</param>
public sealed record GetActivityTaskResponse(string? TaskToken, string? Input);
