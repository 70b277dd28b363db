using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Templates;

/// <summary>An array with at least one dynamic element (objects with <c>.$</c> fields inside arrays are evaluated too).</summary>
/// <param name="items">The compiled elements.</param>
internal sealed class TemplateArray(TemplateNode[] items) : TemplateNode
{
    /// <inheritdoc/>
    public override JsonNode? Evaluate(JsonNode? input, IEvaluationEnvironment environment)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            result.Add(item.Evaluate(input, environment));
        }

        return result;
    }
}
