using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Templates;

/// <summary>
/// A compiled JSONPath payload template (<c>Parameters</c>, <c>ItemSelector</c>, <c>ResultSelector</c>,
/// <c>Arguments</c> of ItemReader in JSONPath mode): keys ending in <c>.$</c> take a path, <c>$$</c> path,
/// <c>$var</c> path or intrinsic function call; other values are copied as they are. Immutable and thread-safe.
/// </summary>
public sealed class PayloadTemplate
{
    private PayloadTemplate()
    {
    }

    /// <summary>Compiles a template, or reports every malformed path or intrinsic in it.</summary>
    /// <param name="template">The raw template.</param>
    /// <param name="compiled">The compiled template.</param>
    /// <param name="errors">Problems found, each with the JSON Pointer (relative to the template) and a message.</param>
    /// <returns>Whether the template is valid.</returns>
    public static bool TryCompile(JsonNode? template, [NotNullWhen(true)] out PayloadTemplate? compiled, out IReadOnlyList<(string Pointer, string Message)> errors)
    {
        throw new NotImplementedException(template?.ToJsonString());
    }

    /// <summary>
    /// Evaluates the template into a new node the caller owns. Fails with <c>States.Runtime</c> when a path
    /// has no result (cause <c>"The JSONPath '...' specified for the field '....$' could not be found in the input '...'"</c>)
    /// and <c>States.IntrinsicFailure</c> / <c>States.Runtime</c> as AWS does for intrinsic functions.
    /// </summary>
    /// <param name="input">The effective input.</param>
    /// <param name="environment">Context object, variables, ids and randomness.</param>
    /// <returns>The evaluated payload.</returns>
    public JsonNode? Evaluate(JsonNode? input, IEvaluationEnvironment environment)
    {
        throw new NotImplementedException();
    }
}
