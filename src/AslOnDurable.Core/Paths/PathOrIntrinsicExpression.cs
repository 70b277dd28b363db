using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths.Intrinsics;
using AslOnDurable.Core.Paths.JsonPath;

namespace AslOnDurable.Core.Paths;

/// <summary>
/// A field that takes either a reference path or an intrinsic function call, such as a Fail state's
/// <c>ErrorPath</c> and <c>CausePath</c>. Immutable and thread-safe.
/// </summary>
public sealed class PathOrIntrinsicExpression
{
    private readonly JsonPathExpression? path;
    private readonly IntrinsicExpression? intrinsic;

    private PathOrIntrinsicExpression(string text, JsonPathExpression? path, IntrinsicExpression? intrinsic)
    {
        Text = text;
        this.path = path;
        this.intrinsic = intrinsic;
    }

    /// <summary>The intrinsic functions AWS allows in a Fail state's <c>ErrorPath</c> and <c>CausePath</c>.</summary>
    public static IReadOnlyList<string> FailStateFunctions { get; } =
    [
        "States.Format", "States.JsonToString", "States.ArrayGetItem", "States.Base64Encode",
        "States.Base64Decode", "States.Hash", "States.UUID",
    ];

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>Whether the field holds an intrinsic call rather than a path.</summary>
    public bool IsIntrinsic => intrinsic is not null;

    /// <summary>Parses a reference path (definite) or an intrinsic call.</summary>
    /// <param name="text">The text.</param>
    /// <param name="allowedFunctions">The outermost functions allowed, or <see langword="null"/> for all.</param>
    /// <param name="expression">The compiled field.</param>
    /// <param name="error">Why the text is not valid.</param>
    /// <returns>Whether the text is valid.</returns>
    public static bool TryParse(
        string text,
        IReadOnlyList<string>? allowedFunctions,
        [NotNullWhen(true)] out PathOrIntrinsicExpression? expression,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        expression = null;
        if (IntrinsicExpression.LooksLikeIntrinsic(text))
        {
            if (!IntrinsicExpression.TryParse(text, out var call, out error))
            {
                return false;
            }

            if (allowedFunctions is not null && !Contains(allowedFunctions, call.FunctionName))
            {
                error = $"The intrinsic function {call.FunctionName} is not allowed here; use one of {string.Join(", ", allowedFunctions)}.";
                return false;
            }

            expression = new PathOrIntrinsicExpression(text, null, call);
            return true;
        }

        if (!JsonPathExpression.TryParse(text, out var parsed, out error))
        {
            return false;
        }

        if (!parsed.IsDefinite)
        {
            error = $"The JSONPath '{text}' must be a reference path (it selects at most one node).";
            return false;
        }

        expression = new PathOrIntrinsicExpression(text, parsed, null);
        return true;
    }

    /// <summary>Evaluates the field into a new node the caller owns.</summary>
    /// <param name="input">The state's input.</param>
    /// <param name="environment">Context object, variables, ids and randomness.</param>
    /// <param name="fieldName">The field name for error causes, for example <c>CausePath</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="AslErrorException">
    /// <c>States.Runtime</c> with the cause <c>The JSONPath '$.x' specified for the field 'CausePath' could not be
    /// found in the input '{…}'</c> when the path selects nothing, or an intrinsic failure.
    /// </exception>
    public JsonNode? Evaluate(JsonNode? input, IEvaluationEnvironment environment, string fieldName)
    {
        if (intrinsic is not null)
        {
            return intrinsic.Evaluate(input, environment, fieldName);
        }

        if (path!.TryEvaluate(input, environment, out var value))
        {
            return value?.DeepClone();
        }

        throw new AslErrorException(StatesErrorNames.Runtime, PathNotFoundCause.Format(path.Text, fieldName, input));
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
