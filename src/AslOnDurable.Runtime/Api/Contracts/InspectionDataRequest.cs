namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>TestState's <c>inspectionData.request</c>: the HTTP request an HTTP Task sent (TRACE).</summary>
/// <param name="Protocol">The URL's scheme (<c>https</c>, <c>http</c>).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Url">The URL with its query.</param>
/// <param name="Headers">The headers as <c>[Name: value, …]</c>.</param>
/// <param name="Body">The body.</param>
public sealed record InspectionDataRequest(string? Protocol, string? Method, string? Url, string? Headers, string? Body);
