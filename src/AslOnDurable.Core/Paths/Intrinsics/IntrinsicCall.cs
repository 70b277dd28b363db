using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths.Intrinsics.Arguments;

namespace AslOnDurable.Core.Paths.Intrinsics;

/// <summary>A compiled call: the function, its compiled arguments and anything the function prepared at parse time.</summary>
/// <param name="function">The function.</param>
/// <param name="arguments">The arguments.</param>
/// <param name="prepared">What the function prepared from its literal arguments (for example a compiled format string).</param>
/// <param name="text">The source text.</param>
internal sealed class IntrinsicCall(IntrinsicFunction function, IntrinsicArgument[] arguments, object? prepared, string text)
{
    /// <summary>The function.</summary>
    public IntrinsicFunction Function => function;

    /// <summary>The arguments.</summary>
    public IReadOnlyList<IntrinsicArgument> Arguments => arguments;

    /// <summary>What the function prepared at parse time.</summary>
    public object? Prepared => prepared;

    /// <summary>The source text.</summary>
    public string Text => text;

    /// <summary>Evaluates the arguments in order, then the function; the result is a new node the caller owns.</summary>
    /// <param name="scope">The evaluation in progress.</param>
    /// <returns>The result.</returns>
    public JsonNode? Evaluate(IntrinsicScope scope)
    {
        var values = arguments.Length == 0 ? [] : new JsonNode?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i].Evaluate(scope);
        }

        return function.Invoke(values, this, scope);
    }
}
