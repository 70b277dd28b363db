namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>DescribeMapRun's request.</summary>
/// <param name="MapRunArn">The map run's ARN.</param>
public sealed record MapRunArnRequest(string? MapRunArn);
