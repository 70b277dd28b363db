using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Json;

/// <summary>
/// <c>States.JsonToString(value)</c>: the compact JSON text of a value, keys in their order, non-integer numbers
/// printed as Java doubles (<c>1.50</c> → <c>1.5</c>) as AWS's Jackson serializer does.
/// </summary>
internal sealed class JsonToStringFunction : IntrinsicFunction
{
    /// <inheritdoc/>
    public override string Name => "States.JsonToString";

    /// <inheritdoc/>
    public override int MinArguments => 1;

    /// <inheritdoc/>
    public override int MaxArguments => 1;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope) =>
        JsonValue.Create(JavaJsonText.Compact(arguments[0]));
}
