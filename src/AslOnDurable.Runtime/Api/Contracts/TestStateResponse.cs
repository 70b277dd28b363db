namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>TestState's response.</summary>
/// <param name="Output">The state's output as JSON text (SUCCEEDED, CAUGHT_ERROR).</param>
/// <param name="Error">The error (FAILED, CAUGHT_ERROR, RETRIABLE).</param>
/// <param name="Cause">The cause.</param>
/// <param name="InspectionData">The data flow (DEBUG and TRACE).</param>
/// <param name="NextState">The state that would run next.</param>
/// <param name="Status">SUCCEEDED, FAILED, RETRIABLE or CAUGHT_ERROR.</param>
public sealed record TestStateResponse(string? Output, string? Error, string? Cause, InspectionData? InspectionData, string? NextState, string Status);
