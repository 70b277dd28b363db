using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AslOnDurable.Core.Paths.JsonPath.Filters;

/// <summary>A regular expression literal <c>/pattern/flags</c> (right side of <c>=~</c>).</summary>
/// <param name="regex">The compiled expression, anchored for a full match.</param>
/// <param name="text">The source text.</param>
internal sealed class RegexOperand(Regex regex, string text) : FilterOperand
{
    /// <summary>The compiled expression.</summary>
    public Regex Regex => regex;

    /// <inheritdoc/>
    public override string Text => text;

    /// <inheritdoc/>
    public override bool TryResolve(JsonNode? current, JsonPathWalker walker, out JsonNode? value)
    {
        value = JsonValue.Create(text);
        return true;
    }
}
