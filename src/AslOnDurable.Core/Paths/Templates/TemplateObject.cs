using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Templates;

/// <summary>An object with at least one dynamic field; fields come out in template order, <c>.$</c> dropped from names.</summary>
/// <param name="names">The output field names.</param>
/// <param name="values">The compiled values, one per name.</param>
internal sealed class TemplateObject(string[] names, TemplateNode[] values) : TemplateNode
{
    /// <inheritdoc/>
    public override JsonNode? Evaluate(JsonNode? input, IEvaluationEnvironment environment)
    {
        var result = new JsonObject();
        for (var i = 0; i < names.Length; i++)
        {
            result.Add(names[i], values[i].Evaluate(input, environment));
        }

        return result;
    }
}
