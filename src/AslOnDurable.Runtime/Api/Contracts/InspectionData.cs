namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>TestState's <c>inspectionData</c>: the state's data flow, each step as JSON text.</summary>
/// <param name="Input">The raw input.</param>
/// <param name="AfterInputPath">After InputPath (JSONPath states).</param>
/// <param name="AfterParameters">After Parameters (JSONPath Task states: the task's parameters).</param>
/// <param name="AfterArguments">After Arguments (JSONata Task states).</param>
/// <param name="Result">The task's result.</param>
/// <param name="AfterResultSelector">After ResultSelector.</param>
/// <param name="AfterResultPath">After ResultPath.</param>
/// <param name="ErrorDetails">Which retrier or catcher applies.</param>
public sealed record InspectionData(
    string? Input, string? AfterInputPath, string? AfterParameters, string? AfterArguments, string? Result, string? AfterResultSelector,
    string? AfterResultPath, InspectionErrorDetails? ErrorDetails);
