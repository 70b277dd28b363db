using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.String;

/// <summary>
/// <c>States.StringSplit(string, delimiters)</c>: splits at every character of <c>delimiters</c> (each one is a
/// delimiter on its own) and drops empty pieces, like Java's <c>StringTokenizer</c> that AWS uses. Characters are code
/// points, as <c>StringTokenizer</c> compares them when a delimiter is outside the BMP (an emoji), so a split never
/// leaves half of a surrogate pair.
/// </summary>
internal sealed class StringSplitFunction : IntrinsicFunction
{
    /// <inheritdoc/>
    public override string Name => "States.StringSplit";

    /// <inheritdoc/>
    public override int MinArguments => 2;

    /// <inheritdoc/>
    public override int MaxArguments => 2;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var text = RequireString(arguments[0], 1);
        var delimiters = RequireString(arguments[1], 2);
        var result = new JsonArray();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            // Code points, not UTF-16 units: an emoji delimiter must not split another emoji into lone surrogates.
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var width);
            if (IsDelimiter(delimiters, rune))
            {
                if (i > start)
                {
                    result.Add(JsonValue.Create(text[start..i]));
                }

                start = i + width;
            }

            i += width;
        }

        if (text.Length > start)
        {
            result.Add(JsonValue.Create(text[start..]));
        }

        return result;
    }

    private static bool IsDelimiter(string delimiters, Rune rune)
    {
        foreach (var delimiter in delimiters.EnumerateRunes())
        {
            if (delimiter == rune)
            {
                return true;
            }
        }

        return false;
    }
}
