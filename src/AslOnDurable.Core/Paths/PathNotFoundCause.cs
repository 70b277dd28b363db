using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths;

/// <summary>The cause AWS reports when a path in a payload template, intrinsic argument or Fail path selects nothing.</summary>
internal static class PathNotFoundCause
{
    /// <summary>The cause AWS reports when a <c>$</c> path in a payload template is applied to a null input.</summary>
    public const string NullInput = "Unable to apply Path transformation to null or empty input.";

    /// <summary>Formats <c>The JSONPath '$.x' specified for the field 'y.$' could not be found in the input '{"a":1}'</c>.</summary>
    /// <param name="path">The path text.</param>
    /// <param name="fieldName">The field (<c>y.$</c>, <c>ErrorPath</c>…), or <see langword="null"/> when unknown.</param>
    /// <param name="input">The input the path was applied to (rendered compactly).</param>
    /// <returns>The cause.</returns>
    public static string Format(string path, string? fieldName, JsonNode? input) =>
        fieldName is null
            ? $"The JSONPath '{path}' could not be found in the input '{JavaJsonText.Compact(input)}'"
            : $"The JSONPath '{path}' specified for the field '{fieldName}' could not be found in the input '{JavaJsonText.Compact(input)}'";
}
