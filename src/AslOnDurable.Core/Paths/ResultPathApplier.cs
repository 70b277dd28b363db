using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths;

/// <summary>Places a state's result into its input at <c>ResultPath</c>, as AWS documents it.</summary>
public static class ResultPathApplier
{
    /// <summary>
    /// Applies a ResultPath. <paramref name="resultPath"/> <see langword="null"/> discards the result and keeps the
    /// input; <c>"$"</c> replaces the input; any other reference path creates or overwrites that field, creating
    /// missing objects on the way. Takes ownership of both nodes (may mutate and attach them).
    /// Fails with <c>States.ResultPathMatchFailure</c> when the path crosses a non-object.
    /// </summary>
    /// <param name="input">The state's raw input (owned by the caller, handed over).</param>
    /// <param name="resultPath">The ResultPath.</param>
    /// <param name="result">The result (owned by the caller, handed over).</param>
    /// <returns>The combined output.</returns>
    public static JsonNode? Apply(JsonNode? input, string? resultPath, JsonNode? result)
    {
        throw new NotImplementedException(resultPath);
    }
}
