using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths.JsonPath.Segments;

namespace AslOnDurable.Core.Paths.JsonPath;

/// <summary>
/// A compiled JSONPath in the AWS dialect: rooted at <c>$</c> (state input), <c>$$</c> (context object) or
/// <c>$name</c> (a workflow variable). Parse once, evaluate many times; immutable and thread-safe.
/// </summary>
/// <remarks>
/// AWS evaluates JSONPath like Jayway JsonPath: dot and bracket notation (<c>$.a</c>, <c>$['a b']</c>,
/// <c>$["a"]</c>), indexes (negative ones count from the end), <c>*</c> wildcards, slices <c>[start:end]</c>,
/// unions <c>[0,1]</c> / <c>['a','b']</c>, filters <c>[?(@.price &lt; 10 &amp;&amp; @.tag)]</c> and recursive
/// descent <c>..</c>. A path may end with a Jayway function (<c>length()</c>, <c>min()</c>, <c>max()</c>,
/// <c>avg()</c>, <c>stddev()</c>, <c>sum()</c>, <c>keys()</c>, <c>first()</c>, <c>last()</c>); AWS documents that
/// reference paths exclude them, so such a path is never <see cref="IsDefinite"/>.
/// </remarks>
public sealed class JsonPathExpression
{
    private readonly JsonPathSegment[] segments;

    private JsonPathExpression(string text)
    {
        Text = text;
        segments = [];
        IsDefinite = true;
    }

    /// <summary>Creates a compiled path (used by the parser).</summary>
    /// <param name="text">The source text.</param>
    /// <param name="rootKind">The root.</param>
    /// <param name="variableName">The variable name for <see cref="JsonPathRootKind.Variable"/> roots.</param>
    /// <param name="segments">The compiled segments.</param>
    internal JsonPathExpression(string text, JsonPathRootKind rootKind, string? variableName, JsonPathSegment[] segments)
        : this(text)
    {
        RootKind = rootKind;
        VariableName = variableName;
        this.segments = segments;
        var definitePrefix = segments.Length;
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].IsDefinite)
            {
                IsDefinite = false;
                definitePrefix = i;
                break;
            }
        }

        ReturnsSingleValue = IsDefinite
            || (definitePrefix == segments.Length - 1 && segments[^1] is FunctionSegment or PropertyUnionSegment { Merge: true });
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>Whether the path selects at most one node (a reference path: no wildcard, filter, slice, union, <c>..</c> or function).</summary>
    public bool IsDefinite { get; }

    /// <summary>
    /// Whether evaluation yields one value rather than an array of matches: a definite path, or a definite path
    /// ending in a function such as <c>$.items.length()</c> or in a member union such as <c>$.a['b','c']</c> (which
    /// merges into one object); neither is a reference path.
    /// </summary>
    internal bool ReturnsSingleValue { get; }

    /// <summary>What the path is rooted at.</summary>
    internal JsonPathRootKind RootKind { get; }

    /// <summary>The variable name (without <c>$</c>) when rooted at a workflow variable.</summary>
    internal string? VariableName { get; }

    /// <summary>The compiled segments.</summary>
    internal JsonPathSegment[] Segments => segments;

    /// <summary>Whether the path is <c>$</c>, <c>$$</c> or <c>$name</c> alone.</summary>
    internal bool IsRootOnly => segments.Length == 0;

    /// <summary>Parses a path, or reports why it is malformed.</summary>
    /// <param name="text">The path text.</param>
    /// <param name="expression">The compiled path.</param>
    /// <param name="error">The reason it is malformed.</param>
    /// <returns>Whether the path is valid.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out JsonPathExpression? expression, [NotNullWhen(false)] out string? error) =>
        JsonPathParser.TryParse(text, out expression, out error);

    /// <summary>Parses a path that is known to be valid (validated definitions).</summary>
    /// <param name="text">The path text.</param>
    /// <returns>The compiled path.</returns>
    public static JsonPathExpression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression : throw new FormatException(error);

    /// <summary>
    /// Evaluates the path. A definite path yields the node itself (still attached to its parent: clone it before
    /// attaching it elsewhere); an indefinite path yields a new <see cref="JsonArray"/> of clones (empty when nothing
    /// matches); a definite path ending in a function (<c>$.items.length()</c>) yields the function's value, and one
    /// ending in a member union (<c>$.a['b','c']</c>) a new object with those members.
    /// </summary>
    /// <param name="input">The state's input (the <c>$</c> root).</param>
    /// <param name="environment">The context object and variables.</param>
    /// <param name="result">The selected value.</param>
    /// <returns><see langword="false"/> when a definite path does not exist in the data.</returns>
    public bool TryEvaluate(JsonNode? input, IEvaluationEnvironment environment, out JsonNode? result) =>
        TryEvaluateFrom(input, input, environment, out result);

    /// <summary>
    /// Evaluates a path used as <c>InputPath</c>, <c>OutputPath</c>, <c>ItemsPath</c> or a similar field, failing
    /// like AWS when a definite path selects nothing.
    /// </summary>
    /// <param name="input">The state's input (the <c>$</c> root).</param>
    /// <param name="environment">The context object and variables.</param>
    /// <returns>The selected value (for a definite path still attached: clone it before attaching it elsewhere).</returns>
    /// <exception cref="AslErrorException">
    /// <c>States.Runtime</c> with the cause <c>Invalid path '$.x' : No results for path: $['x']</c> (the missing
    /// leaf) or <c>Invalid path '$.a.b' : Missing property in path $['a']</c> (a missing intermediate field).
    /// </exception>
    public JsonNode? Select(JsonNode? input, IEvaluationEnvironment environment)
    {
        if (TryEvaluate(input, environment, out var result))
        {
            return result;
        }

        throw new AslErrorException(StatesErrorNames.Runtime, $"Invalid path '{Text}' : {DescribeMissing(input, environment)}");
    }

    /// <summary>
    /// Explains, in Jayway JsonPath's words, why a definite path selects nothing, for example
    /// <c>No results for path: $['x']</c> or <c>Missing property in path $['a']</c>.
    /// </summary>
    /// <param name="input">The state's input.</param>
    /// <param name="environment">The context object and variables.</param>
    /// <returns>The explanation.</returns>
    public string DescribeMissing(JsonNode? input, IEvaluationEnvironment environment)
    {
        var builder = new StringBuilder();
        AppendRoot(builder);
        if (!TryGetRoot(input, input, environment, out var current))
        {
            return "No results for path: " + builder;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var pathSoFar = builder.ToString();
            segment.AppendNormalized(builder);
            if (!segment.IsDefinite)
            {
                return "No results for path: " + NormalizedPath();
            }

            if (segment.TryStep(current, out var next))
            {
                current = next;
                continue;
            }

            var isLeaf = i == segments.Length - 1;
            if (segment is PropertySegment property)
            {
                if (current is JsonObject)
                {
                    return isLeaf ? "No results for path: " + NormalizedPath() : "Missing property in path " + builder;
                }

                return $"Expected to find an object with property ['{property.Name}'] in path {pathSoFar} but found '{JavaTypeName(current)}'. "
                    + "This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JacksonJsonProvider'.";
            }

            if (current is null)
            {
                return $"The path {pathSoFar} is null";
            }

            if (current is not JsonArray)
            {
                var index = builder.ToString()[pathSoFar.Length..];
                return $"Filter: {index} can only be applied to arrays. Current context is: {JavaJsonText.Compact(current)}";
            }

            return "No results for path: " + NormalizedPath();
        }

        return "No results for path: " + NormalizedPath();
    }

    /// <summary>The path in Jayway's normalized bracket form, for example <c>$['a'][0]</c>.</summary>
    /// <returns>The normalized path.</returns>
    public string NormalizedPath()
    {
        var builder = new StringBuilder();
        AppendRoot(builder);
        foreach (var segment in segments)
        {
            segment.AppendNormalized(builder);
        }

        return builder.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>Evaluates the path with an explicit current node for <c>@</c>-rooted filter paths.</summary>
    /// <param name="current">The current node (<c>@</c>).</param>
    /// <param name="input">The state input (<c>$</c>).</param>
    /// <param name="environment">The context object and variables.</param>
    /// <param name="result">The selected value.</param>
    /// <returns><see langword="false"/> when a definite path does not exist.</returns>
    internal bool TryEvaluateFrom(JsonNode? current, JsonNode? input, IEvaluationEnvironment environment, out JsonNode? result)
    {
        if (!TryGetRoot(current, input, environment, out var node))
        {
            result = null;
            return false;
        }

        if (ReturnsSingleValue)
        {
            for (var i = 0; i < segments.Length; i++)
            {
                if (!segments[i].TryStep(node, out node))
                {
                    result = null;
                    return false;
                }
            }

            result = node;
            return true;
        }

        var walker = new JsonPathWalker(segments, input, environment);
        walker.Continue(node, 0);
        var array = new JsonArray();
        foreach (var match in walker.Results)
        {
            array.Add(match?.DeepClone());
        }

        result = array;
        return true;
    }

    private bool TryGetRoot(JsonNode? current, JsonNode? input, IEvaluationEnvironment environment, out JsonNode? root)
    {
        switch (RootKind)
        {
            case JsonPathRootKind.Input:
                root = input;
                return true;
            case JsonPathRootKind.Current:
                root = current;
                return true;
            case JsonPathRootKind.Context:
                root = environment.ContextObject;
                return true;
            default:
                return environment.TryGetVariable(VariableName!, out root);
        }
    }

    private void AppendRoot(StringBuilder builder)
    {
        switch (RootKind)
        {
            case JsonPathRootKind.Input:
                builder.Append('$');
                break;
            case JsonPathRootKind.Current:
                builder.Append('@');
                break;
            case JsonPathRootKind.Context:
                builder.Append("$$");
                break;
            default:
                builder.Append('$').Append(VariableName);
                break;
        }
    }

    private static string JavaTypeName(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "java.util.ArrayList",
        JsonValue value => value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => "java.lang.String",
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "java.lang.Boolean",
            _ => JsonNumbers.TryGetInt64(value, out var l) ? (l is >= int.MinValue and <= int.MaxValue ? "java.lang.Integer" : "java.lang.Long") : "java.lang.Double",
        },
        _ => "java.util.LinkedHashMap",
    };
}
