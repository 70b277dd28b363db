using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Array;

/// <summary><c>States.ArrayGetItem(array, index)</c>: the element at a zero-based index, which must exist.</summary>
internal sealed class ArrayGetItemFunction : IntrinsicFunction
{
    /// <inheritdoc/>
    public override string Name => "States.ArrayGetItem";

    /// <inheritdoc/>
    public override int MinArguments => 2;

    /// <inheritdoc/>
    public override int MaxArguments => 2;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var array = RequireArray(arguments[0], 1);
        var index = RequireInteger(arguments[1], 2);
        if (index < 0 || index >= array.Count)
        {
            throw Fail($"the index {index} is out of bounds for an array of length {array.Count}");
        }

        return array[(int)index]?.DeepClone();
    }
}
