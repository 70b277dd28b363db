namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>RedriveExecution's response.</summary>
/// <param name="RedriveDate">When the execution was redriven.</param>
public sealed record RedriveExecutionResponse(DateTimeOffset RedriveDate);
