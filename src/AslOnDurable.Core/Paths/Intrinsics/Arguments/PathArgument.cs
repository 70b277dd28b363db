using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths.JsonPath;

namespace AslOnDurable.Core.Paths.Intrinsics.Arguments;

/// <summary>A path argument: <c>$.x</c>, <c>$$.x</c> or <c>$var</c>.</summary>
/// <param name="path">The compiled path.</param>
internal sealed class PathArgument(JsonPathExpression path) : IntrinsicArgument
{
    /// <inheritdoc/>
    public override string Text => path.Text;

    /// <inheritdoc/>
    public override JsonNode? Evaluate(IntrinsicScope scope)
    {
        if (scope.Input is null && path.RootKind == JsonPathRootKind.Input)
        {
            throw new AslErrorException(StatesErrorNames.Runtime, PathNotFoundCause.NullInput);
        }

        if (path.TryEvaluate(scope.Input, scope.Environment, out var value))
        {
            return value;
        }

        throw new AslErrorException(
            StatesErrorNames.Runtime,
            PathNotFoundCause.Format(path.Text, scope.FieldName, scope.Input));
    }
}
