namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>StopExecution's response.</summary>
/// <param name="StopDate">When it was stopped.</param>
public sealed record StopExecutionResponse(DateTimeOffset StopDate);
