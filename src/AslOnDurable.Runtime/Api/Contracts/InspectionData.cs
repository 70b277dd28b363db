namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>TestState's <c>inspectionData</c>: the state's data flow, each step as JSON text (DEBUG and TRACE).</summary>
/// <remarks>
/// AWS fills <c>afterInputPath</c>, <c>afterParameters</c>, <c>afterResultSelector</c> and <c>afterResultPath</c> for
/// JSONPath states only and <c>afterArguments</c> for JSONata states only; <c>request</c> and <c>response</c> only at
/// TRACE for an HTTP Task.
/// </remarks>
/// <param name="Input">The raw input.</param>
/// <param name="AfterInputPath">After InputPath (JSONPath states).</param>
/// <param name="AfterParameters">After Parameters (JSONPath Task, Pass and Parallel states).</param>
/// <param name="AfterArguments">After Arguments (JSONata Task states).</param>
/// <param name="Result">The state's raw result (a task's answer, a Pass state's Result or Parameters).</param>
/// <param name="AfterResultSelector">After ResultSelector (JSONPath).</param>
/// <param name="AfterResultPath">The result combined with the raw input by ResultPath (JSONPath).</param>
/// <param name="Request">The HTTP request an HTTP Task sent (TRACE).</param>
/// <param name="Response">The HTTP response it got (TRACE).</param>
/// <param name="Variables">The workflow variables after the state: those given in the request and those the state assigned.</param>
/// <param name="ErrorDetails">Which retrier or catcher applies.</param>
/// <param name="AfterItemsPath">A Map state's items after ItemsPath (JSONPath).</param>
/// <param name="MaxConcurrency">A Map state's MaxConcurrency as evaluated (a number, its <c>Path</c> form or a JSONata expression; 0 when not given).</param>
/// <param name="ToleratedFailureCount">A Map state's ToleratedFailureCount as evaluated (when given).</param>
/// <param name="ToleratedFailurePercentage">A Map state's ToleratedFailurePercentage as evaluated (when given).</param>
/// <param name="AfterItemSelector">A Map state's iteration inputs after ItemSelector, as an array (when it has one).</param>
/// <param name="AfterItemBatcher">A Map state's batches after ItemBatcher, as an array (when it has one).</param>
/// <param name="AfterItemsPointer">A Map state's items after its ItemReader's ReaderConfig.ItemsPointer, read from <c>mapItemReaderData</c>.</param>
public sealed record InspectionData(
    string? Input, string? AfterInputPath, string? AfterParameters, string? AfterArguments, string? Result, string? AfterResultSelector,
    string? AfterResultPath, InspectionDataRequest? Request, InspectionDataResponse? Response, string? Variables, InspectionErrorDetails? ErrorDetails,
    string? AfterItemsPath = null, int? MaxConcurrency = null, int? ToleratedFailureCount = null, float? ToleratedFailurePercentage = null,
    string? AfterItemSelector = null, string? AfterItemBatcher = null, string? AfterItemsPointer = null);
