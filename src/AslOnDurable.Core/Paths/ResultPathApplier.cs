using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths.JsonPath;
using AslOnDurable.Core.Paths.JsonPath.Segments;

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
    /// <remarks>
    /// Plain dotted paths (<c>$.a.b</c>) are walked straight from the text; other forms are parsed on every call,
    /// so engines with bracket paths should compile them once and use the other overload.
    /// </remarks>
    public static JsonNode? Apply(JsonNode? input, string? resultPath, JsonNode? result)
    {
        if (resultPath is null)
        {
            return input;
        }

        if (resultPath == "$")
        {
            return result;
        }

        return IsPlainDotted(resultPath)
            ? ApplyDotted(input, resultPath, result)
            : Apply(input, JsonPathExpression.Parse(resultPath), result);
    }

    /// <summary>Applies a compiled ResultPath (see <see cref="Apply(JsonNode?, string?, JsonNode?)"/>).</summary>
    /// <param name="input">The state's raw input (owned by the caller, handed over).</param>
    /// <param name="resultPath">The compiled ResultPath, or <see langword="null"/> to discard the result.</param>
    /// <param name="result">The result (owned by the caller, handed over).</param>
    /// <returns>The combined output.</returns>
    /// <exception cref="AslErrorException">
    /// <c>States.ResultPathMatchFailure</c> with the cause <c>Unable to apply ResultPath "$.a.b" to input "…"</c>
    /// (input rendered as compact JSON) when the path meets a value that is not an object (or an array element
    /// that does not exist).
    /// </exception>
    public static JsonNode? Apply(JsonNode? input, JsonPathExpression? resultPath, JsonNode? result)
    {
        if (resultPath is null)
        {
            return input;
        }

        if (resultPath.IsRootOnly && resultPath.RootKind == JsonPathRootKind.Input)
        {
            return result;
        }

        if (!IsValid(resultPath))
        {
            throw new ArgumentException($"ResultPath '{resultPath.Text}' must be a reference path rooted at '$'.", nameof(resultPath));
        }

        var segments = resultPath.Segments;
        JsonNode? current = input;
        for (var i = 0; i < segments.Length; i++)
        {
            var isLast = i == segments.Length - 1;
            switch (segments[i])
            {
                case PropertySegment property when current is JsonObject obj:
                    if (isLast)
                    {
                        obj[property.Name] = result;
                        return input;
                    }

                    if (!obj.TryGetPropertyValue(property.Name, out var next) || next is null)
                    {
                        next = new JsonObject();
                        obj[property.Name] = next;
                    }

                    current = next;
                    break;
                case IndexSegment indexSegment when current is JsonArray array && indexSegment.TryResolve(array, out var index):
                    var element = array[index];
                    if (isLast)
                    {
                        array[index] = result;
                        return input;
                    }

                    if (element is null)
                    {
                        element = new JsonObject();
                        array[index] = element;
                    }

                    current = element;
                    break;
                default:
                    throw Failure(resultPath.Text, input);
            }
        }

        return input;
    }

    /// <summary>Whether <paramref name="path"/> is a plain dotted path (<c>$.a.b</c>), walked by splitting at its dots.</summary>
    internal static bool IsPlainDotted(string path)
    {
        if (path.Length < 3 || path[0] != '$' || path[1] != '.' || path[^1] == '.')
        {
            return false;
        }

        for (var i = 2; i < path.Length; i++)
        {
            var c = path[i];
            if (c is '[' or ']' or '*' or '(' or ')' or '@' or '\'' or '"' || char.IsWhiteSpace(c) || (c == '.' && path[i - 1] == '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static JsonNode? ApplyDotted(JsonNode? input, string path, JsonNode? result)
    {
        var current = input;
        var start = 2;
        while (true)
        {
            var end = path.IndexOf('.', start);
            var name = end < 0 ? path[start..] : path[start..end];
            if (current is not JsonObject obj)
            {
                throw Failure(path, input);
            }

            if (end < 0)
            {
                obj[name] = result;
                return input;
            }

            if (!obj.TryGetPropertyValue(name, out var next) || next is null)
            {
                next = new JsonObject();
                obj[name] = next;
            }

            current = next;
            start = end + 1;
        }
    }

    private static bool IsValid(JsonPathExpression path)
    {
        if (path.RootKind != JsonPathRootKind.Input || !path.IsDefinite)
        {
            return false;
        }

        foreach (var segment in path.Segments)
        {
            if (segment is not (PropertySegment or IndexSegment))
            {
                return false;
            }
        }

        return true;
    }

    private static AslErrorException Failure(string path, JsonNode? input) =>
        new(StatesErrorNames.ResultPathMatchFailure, $"Unable to apply ResultPath \"{path}\" to input \"{JavaJsonText.Compact(input)}\"");
}
