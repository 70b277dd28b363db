using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths.JsonPath;

namespace AslOnDurable.Core.Paths.Templates;

/// <summary>A <c>name.$</c> field holding a path (<c>$…</c>, <c>$$…</c> or <c>$var…</c>).</summary>
/// <param name="fieldName">The field name as written, with <c>.$</c>.</param>
/// <param name="path">The compiled path.</param>
internal sealed class TemplatePath(string fieldName, JsonPathExpression path) : TemplateNode
{
    /// <inheritdoc/>
    public override JsonNode? Evaluate(JsonNode? input, IEvaluationEnvironment environment)
    {
        if (input is null && path.RootKind == JsonPathRootKind.Input)
        {
            throw new AslErrorException(StatesErrorNames.Runtime, PathNotFoundCause.NullInput);
        }

        if (!path.TryEvaluate(input, environment, out var value))
        {
            throw new AslErrorException(StatesErrorNames.Runtime, PathNotFoundCause.Format(path.Text, fieldName, input));
        }

        return path.IsDefinite ? value?.DeepClone() : value;
    }
}
