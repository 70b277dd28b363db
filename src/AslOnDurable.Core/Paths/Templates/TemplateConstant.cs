using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Templates;

/// <summary>A part without <c>.$</c> fields: copied as it is (a fresh clone per evaluation).</summary>
/// <param name="value">The value (owned by the template, never attached).</param>
internal sealed class TemplateConstant(JsonNode? value) : TemplateNode
{
    /// <summary>The value (never to be attached or mutated).</summary>
    public JsonNode? Value => value;

    /// <inheritdoc/>
    public override bool IsConstant => true;

    /// <inheritdoc/>
    public override JsonNode? Evaluate(JsonNode? input, IEvaluationEnvironment environment) => value?.DeepClone();
}
