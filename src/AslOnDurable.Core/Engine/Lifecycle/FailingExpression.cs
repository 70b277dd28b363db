using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>An expression that did not compile: AWS reports the error when the state runs, not at definition time.</summary>
/// <param name="error">The error to raise.</param>
internal sealed class FailingExpression(AslError error) : IJsonataExpression
{
    /// <inheritdoc/>
    public bool TryEvaluate(JsonNode? states, IEvaluationEnvironment environment, out JsonNode? result)
    {
        throw new AslErrorException(error);
    }
}
