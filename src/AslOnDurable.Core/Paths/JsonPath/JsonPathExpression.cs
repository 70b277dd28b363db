using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath;

/// <summary>
/// A compiled JSONPath in the AWS dialect: rooted at <c>$</c> (state input), <c>$$</c> (context object) or
/// <c>$name</c> (a workflow variable). Parse once, evaluate many times; immutable and thread-safe.
/// </summary>
public sealed class JsonPathExpression
{
    private JsonPathExpression(string text)
    {
        Text = text;
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>Whether the path selects at most one node (a reference path: no wildcard, filter, slice, union or <c>..</c>).</summary>
    public bool IsDefinite { get; }

    /// <summary>Parses a path, or reports why it is malformed.</summary>
    /// <param name="text">The path text.</param>
    /// <param name="expression">The compiled path.</param>
    /// <param name="error">The reason it is malformed.</param>
    /// <returns>Whether the path is valid.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out JsonPathExpression? expression, [NotNullWhen(false)] out string? error)
    {
        throw new NotImplementedException(text);
    }

    /// <summary>Parses a path that is known to be valid (validated definitions).</summary>
    /// <param name="text">The path text.</param>
    /// <returns>The compiled path.</returns>
    public static JsonPathExpression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression : throw new FormatException(error);

    /// <summary>
    /// Evaluates the path. A definite path yields the node itself (still attached to its parent: clone it before
    /// attaching it elsewhere); an indefinite path yields a new <see cref="JsonArray"/> of clones.
    /// </summary>
    /// <param name="input">The state's input (the <c>$</c> root).</param>
    /// <param name="environment">The context object and variables.</param>
    /// <param name="result">The selected value.</param>
    /// <returns><see langword="false"/> when a definite path does not exist in the data.</returns>
    public bool TryEvaluate(JsonNode? input, IEvaluationEnvironment environment, out JsonNode? result)
    {
        throw new NotImplementedException(Text);
    }
}
