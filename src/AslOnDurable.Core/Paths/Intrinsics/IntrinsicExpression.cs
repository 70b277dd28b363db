using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics;

/// <summary>A compiled intrinsic function call such as <c>States.Format('{}', $.name)</c>. Immutable and thread-safe.</summary>
/// <remarks>
/// AWS's rules: string literals are single-quoted and <c>'</c>, <c>{</c>, <c>}</c> and <c>\</c> are escaped with a
/// backslash (any other backslash is an error); at most 10 intrinsic functions per field; argument counts are
/// checked when parsing. Runtime failures (wrong argument types or values, a path argument that selects nothing)
/// raise <c>States.Runtime</c>.
/// </remarks>
public sealed class IntrinsicExpression
{
    private readonly IntrinsicCall call;

    private IntrinsicExpression(string text, IntrinsicCall call)
    {
        Text = text;
        this.call = call;
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>The name of the outermost function, for example <c>States.Format</c>.</summary>
    public string FunctionName => call.Function.Name;

    /// <summary>Whether a text is meant as an intrinsic call (it starts with <c>States.</c>), valid or not.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when the text starts with <c>States.</c>.</returns>
    public static bool LooksLikeIntrinsic(string? text) =>
        text is not null && text.AsSpan().TrimStart().StartsWith("States.", StringComparison.Ordinal);

    /// <summary>Parses a call (nested calls, string/number/boolean/null literals and paths as arguments).</summary>
    /// <param name="text">The source text.</param>
    /// <param name="expression">The compiled call.</param>
    /// <param name="error">Why the text is not a valid call (unknown function, wrong argument count…).</param>
    /// <returns>Whether the call is valid.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out IntrinsicExpression? expression, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IntrinsicParser.TryParse(text, IntrinsicRegistry.Default, out var call, out error))
        {
            expression = new IntrinsicExpression(text, call!);
            return true;
        }

        expression = null;
        error ??= "The intrinsic function call is not valid.";
        return false;
    }

    /// <summary>Parses a call that is known to be valid (validated definitions).</summary>
    /// <param name="text">The source text.</param>
    /// <returns>The compiled call.</returns>
    public static IntrinsicExpression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression : throw new FormatException(error);

    /// <summary>
    /// Evaluates the call into a new node the caller owns. Failures raise <c>States.Runtime</c>: invalid arguments
    /// (cause <c>Invalid arguments in States.Name: …</c>) or a path argument that selects nothing (cause
    /// <c>The JSONPath '$.x' could not be found in the input '…'</c>; use the overload with a field name to get AWS's
    /// full wording).
    /// </summary>
    /// <param name="input">The effective input.</param>
    /// <param name="environment">Context object, variables, ids and randomness.</param>
    /// <returns>The result.</returns>
    public JsonNode? Evaluate(JsonNode? input, IEvaluationEnvironment environment) =>
        call.Evaluate(new IntrinsicScope(input, environment, FieldName: null));

    /// <summary>
    /// Evaluates the call for a named field, so that a path argument that selects nothing fails with AWS's cause
    /// <c>The JSONPath '$.x' specified for the field 'name.$' could not be found in the input '…'</c>.
    /// </summary>
    /// <param name="input">The effective input.</param>
    /// <param name="environment">Context object, variables, ids and randomness.</param>
    /// <param name="fieldName">The field being filled, for example <c>id.$</c> or <c>CausePath</c>.</param>
    /// <returns>The result, a new node the caller owns.</returns>
    public JsonNode? Evaluate(JsonNode? input, IEvaluationEnvironment environment, string fieldName) =>
        call.Evaluate(new IntrinsicScope(input, environment, fieldName));

    /// <inheritdoc/>
    public override string ToString() => Text;
}
