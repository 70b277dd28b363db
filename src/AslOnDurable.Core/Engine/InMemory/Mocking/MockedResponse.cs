using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.InMemory.Mocking;

/// <summary>
/// A named entry of <c>MockedResponses</c>: answers by zero-based invocation number (<c>"0"</c>, <c>"1-2"</c>…);
/// retries count as invocations.
/// </summary>
/// <param name="Name">The response name.</param>
/// <param name="Ranges">The invocation ranges (inclusive) and their answers.</param>
public sealed record MockedResponse(string Name, ImmutableArray<(int From, int To, MockedResult Result)> Ranges)
{
    /// <summary>The answer for an invocation number, if one is configured.</summary>
    /// <param name="invocation">The zero-based invocation number.</param>
    /// <param name="result">The answer.</param>
    /// <returns>Whether one is configured.</returns>
    public bool TryGet(int invocation, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MockedResult? result)
    {
        foreach (var (from, to, candidate) in Ranges)
        {
            if (invocation >= from && invocation <= to)
            {
                result = candidate;
                return true;
            }
        }

        result = null;
        return false;
    }

    /// <summary>Parses one response object.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="node">The object keyed by invocation ranges.</param>
    /// <returns>The response.</returns>
    /// <exception cref="FormatException">The object is malformed.</exception>
    public static MockedResponse Parse(string name, JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            throw new FormatException($"Mocked response '{name}' must be an object keyed by invocation numbers.");
        }

        var ranges = ImmutableArray.CreateBuilder<(int, int, MockedResult)>();
        foreach (var (key, value) in obj)
        {
            var dash = key.IndexOf('-', StringComparison.Ordinal);
            if (!int.TryParse(dash < 0 ? key : key[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(dash < 0 ? key : key[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
                || to < from)
            {
                throw new FormatException($"Mocked response '{name}' has an invalid invocation range '{key}'.");
            }

            ranges.Add((from, to, ParseResult(name, key, value)));
        }

        return new MockedResponse(name, ranges.ToImmutable());
    }

    private static MockedResult ParseResult(string name, string key, JsonNode? value)
    {
        if (value is JsonObject answer)
        {
            if (answer.TryGetPropertyValue("Return", out var returned))
            {
                return new MockedResult(returned, null);
            }

            if (answer.TryGetPropertyValue("Throw", out var thrown) && thrown is JsonObject error)
            {
                return new MockedResult(null, new AslError(Text(error["Error"]) ?? "", Text(error["Cause"])));
            }
        }

        throw new FormatException($"Mocked response '{name}' entry '{key}' must hold \"Return\" or \"Throw\".");
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(JsonLimits.SerializerOptions),
    };
}
