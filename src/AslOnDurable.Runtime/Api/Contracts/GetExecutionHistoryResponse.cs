using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>GetExecutionHistory's response.</summary>
/// <param name="Events">The page of events: <c>timestamp</c>, <c>type</c>, <c>id</c>, <c>previousEventId</c> and the type's <c>…EventDetails</c>.</param>
/// <param name="NextToken">The next page's token.</param>
public sealed record GetExecutionHistoryResponse(IReadOnlyList<JsonObject> Events, string? NextToken);
