using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics;

/// <summary>A compiled intrinsic function call such as <c>States.Format('{}', $.name)</c>. Immutable and thread-safe.</summary>
public sealed class IntrinsicExpression
{
    private IntrinsicExpression(string text)
    {
        Text = text;
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>Parses a call (nested calls, string/number/boolean/null literals and paths as arguments).</summary>
    /// <param name="text">The source text.</param>
    /// <param name="expression">The compiled call.</param>
    /// <param name="error">Why the text is not a valid call (unknown function, wrong argument count…).</param>
    /// <returns>Whether the call is valid.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out IntrinsicExpression? expression, [NotNullWhen(false)] out string? error)
    {
        throw new NotImplementedException(text);
    }

    /// <summary>Evaluates the call into a new node the caller owns; failures raise <c>States.IntrinsicFailure</c> or <c>States.Runtime</c> as AWS does.</summary>
    /// <param name="input">The effective input.</param>
    /// <param name="environment">Context object, variables, ids and randomness.</param>
    /// <returns>The result.</returns>
    public JsonNode? Evaluate(JsonNode? input, IEvaluationEnvironment environment)
    {
        throw new NotImplementedException(Text);
    }
}
