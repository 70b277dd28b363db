using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths.Intrinsics;

namespace AslOnDurable.Core.Paths.Templates;

/// <summary>A <c>name.$</c> field holding an intrinsic function call.</summary>
/// <param name="fieldName">The field name as written, with <c>.$</c>.</param>
/// <param name="expression">The compiled call.</param>
internal sealed class TemplateIntrinsic(string fieldName, IntrinsicExpression expression) : TemplateNode
{
    /// <inheritdoc/>
    public override JsonNode? Evaluate(JsonNode? input, IEvaluationEnvironment environment) =>
        expression.Evaluate(input, environment, fieldName);
}
