using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.MapRuns;

/// <summary>What one chunk of a map run's items did.</summary>
/// <param name="Entries">Each child's full description as AWS's result files hold it (Transformation NONE), in item order.</param>
/// <param name="Outputs">The succeeded children's outputs, aligned with <paramref name="Entries"/> (null for the others).</param>
/// <param name="Succeeded">Children that succeeded.</param>
/// <param name="Failed">Children that failed, timed out or were aborted.</param>
/// <param name="FailedItems">Items in failed children (a batch counts all its items).</param>
/// <param name="FirstError">The first failed child's error, or <see langword="null"/>.</param>
public sealed record MapRunChunkResult(JsonArray Entries, JsonArray Outputs, int Succeeded, int Failed, long FailedItems, AslError? FirstError);
