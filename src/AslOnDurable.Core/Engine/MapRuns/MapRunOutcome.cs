using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.MapRuns;

/// <summary>How a map run ended: the Map's result, or the error that fails the Map state.</summary>
/// <param name="Result">The Map's result before ResultSelector/ResultPath (the outputs, or <c>{"MapRunArn", "ResultWriterDetails"}</c>).</param>
/// <param name="Error">The error, or <see langword="null"/> when the map run succeeded.</param>
public sealed record MapRunOutcome(JsonNode? Result, AslError? Error);
