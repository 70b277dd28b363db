namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>UpdateMapRun's request.</summary>
/// <param name="MapRunArn">The map run's ARN.</param>
/// <param name="MaxConcurrency">The new MaxConcurrency.</param>
/// <param name="ToleratedFailurePercentage">The new ToleratedFailurePercentage.</param>
/// <param name="ToleratedFailureCount">The new ToleratedFailureCount.</param>
public sealed record UpdateMapRunRequest(string? MapRunArn, int? MaxConcurrency, double? ToleratedFailurePercentage, long? ToleratedFailureCount);
