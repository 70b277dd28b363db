using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths;
using AslOnDurable.Core.Paths.Intrinsics;
using AslOnDurable.Core.Paths.JsonPath;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled reference to a value: a JSONPath (<c>$</c>, <c>$$</c>, <c>$var</c>) or an intrinsic function call.</summary>
internal sealed class ValueSelector
{
    private readonly JsonPathExpression? path;
    private readonly IntrinsicExpression? intrinsic;

    private ValueSelector(string text, JsonPathExpression? path, IntrinsicExpression? intrinsic)
    {
        Text = text;
        this.path = path;
        this.intrinsic = intrinsic;
        ReadsInput = path is not null && (text.Length == 1 || text[1] == '.' || text[1] == '[');
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>Whether the selected node belongs to the state input (<c>$...</c>) rather than <c>$$</c> or a variable.</summary>
    public bool ReadsInput { get; }

    /// <summary>
    /// Whether the selected node is one node of the state input as it is (a definite <c>$...</c> path): never larger
    /// than the input.
    /// </summary>
    public bool SelectsPartOfInput => ReadsInput && path!.IsDefinite;

    /// <summary>Whether the text is exactly <c>$</c>.</summary>
    public bool IsRoot => Text == "$";

    /// <summary>Compiles a path or, when it starts with <c>States.</c>, an intrinsic call.</summary>
    public static ValueSelector Compile(string text)
    {
        if (text.StartsWith("States.", StringComparison.Ordinal))
        {
            return IntrinsicExpression.TryParse(text, out var call, out var error)
                ? new ValueSelector(text, null, call)
                : throw new FormatException(error);
        }

        return new ValueSelector(text, JsonPathExpression.Parse(text), null);
    }

    /// <summary>Compiles when <paramref name="text"/> is not null.</summary>
    public static ValueSelector? CompileOptional(string? text) => text is null ? null : Compile(text);

    /// <summary>
    /// Evaluates. A path yields the node where it is (not owned: clone before attaching or mutating);
    /// an intrinsic yields a new node.
    /// </summary>
    /// <returns><see langword="false"/> when a path selects nothing.</returns>
    public bool TryEvaluate(JsonNode? input, IEvaluationEnvironment environment, out JsonNode? value)
    {
        if (path is not null)
        {
            return path.TryEvaluate(input, environment, out value);
        }

        value = intrinsic!.Evaluate(input, environment);
        return true;
    }

    /// <summary>Whether the value comes from an intrinsic call (and so is already owned by the caller).</summary>
    public bool IsIntrinsic => intrinsic is not null;
}
