namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>SendTaskSuccess', SendTaskFailure's and SendTaskHeartbeat's request.</summary>
/// <param name="TaskToken">The task token.</param>
/// <param name="Output">SendTaskSuccess: the result as JSON text.</param>
/// <param name="Error">SendTaskFailure: the error name.</param>
/// <param name="Cause">SendTaskFailure: the cause.</param>
public sealed record SendTaskRequest(string? TaskToken, string? Output, string? Error, string? Cause);
