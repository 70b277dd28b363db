using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Array;

/// <summary><c>States.ArrayLength(array)</c>: the number of elements.</summary>
internal sealed class ArrayLengthFunction : IntrinsicFunction
{
    /// <inheritdoc/>
    public override string Name => "States.ArrayLength";

    /// <inheritdoc/>
    public override int MinArguments => 1;

    /// <inheritdoc/>
    public override int MaxArguments => 1;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope) =>
        JsonValue.Create(RequireArray(arguments[0], 1).Count);
}
