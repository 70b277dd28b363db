namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>TestState's <c>inspectionData.response</c>: the HTTP response an HTTP Task got (TRACE).</summary>
/// <param name="Protocol">The request URL's scheme.</param>
/// <param name="StatusCode">The status code (a string, as AWS gives it).</param>
/// <param name="StatusMessage">The reason phrase.</param>
/// <param name="Headers">The headers as <c>[Name: value, …]</c>.</param>
/// <param name="Body">The body.</param>
public sealed record InspectionDataResponse(string? Protocol, string? StatusCode, string? StatusMessage, string? Headers, string? Body);
