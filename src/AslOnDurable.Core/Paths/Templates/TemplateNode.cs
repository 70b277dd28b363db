using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Templates;

/// <summary>One compiled part of a payload template. Immutable and thread-safe.</summary>
internal abstract class TemplateNode
{
    /// <summary>Whether the part has no <c>.$</c> field anywhere (a constant).</summary>
    public virtual bool IsConstant => false;

    /// <summary>Evaluates the part into a new node the caller owns.</summary>
    /// <param name="input">The effective input.</param>
    /// <param name="environment">Context object, variables, ids and randomness.</param>
    /// <returns>The value.</returns>
    public abstract JsonNode? Evaluate(JsonNode? input, IEvaluationEnvironment environment);
}
