using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.MapRuns;

/// <summary>How one child execution of a map run went (STANDARD children, run by the host).</summary>
/// <param name="Name">The child execution's name.</param>
/// <param name="Input">Its input.</param>
/// <param name="Status">SUCCEEDED, FAILED, TIMED_OUT or ABORTED.</param>
/// <param name="Output">Its output when it succeeded.</param>
/// <param name="Error">Its error when it did not.</param>
/// <param name="Start">When it started.</param>
/// <param name="Stop">When it stopped.</param>
public sealed record MapRunChild(string Name, JsonNode? Input, string Status, JsonNode? Output, AslError? Error, DateTimeOffset Start, DateTimeOffset Stop);
