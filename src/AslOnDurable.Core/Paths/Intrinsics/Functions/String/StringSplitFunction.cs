using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.String;

/// <summary>
/// <c>States.StringSplit(string, delimiters)</c>: splits at every character of <c>delimiters</c> (each one is a
/// delimiter on its own) and drops empty pieces, like Java's <c>StringTokenizer</c> that AWS uses.
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
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && delimiters.IndexOf(text[i], StringComparison.Ordinal) < 0)
            {
                continue;
            }

            if (i > start)
            {
                result.Add(JsonValue.Create(text[start..i]));
            }

            start = i + 1;
        }

        return result;
    }
}
