namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>GetActivityTask's request.</summary>
/// <param name="ActivityArn">The activity ARN.</param>
/// <param name="WorkerName">The worker's name (recorded in <c>ActivityStarted</c>), at most 80 characters.</param>
public sealed record GetActivityTaskRequest(string? ActivityArn, string? WorkerName);
