using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Array;

/// <summary><c>States.Array(v1, v2, …)</c>: a JSON array of the argument values, in order (zero or more arguments).</summary>
internal sealed class ArrayFunction : IntrinsicFunction
{
    /// <inheritdoc/>
    public override string Name => "States.Array";

    /// <inheritdoc/>
    public override int MinArguments => 0;

    /// <inheritdoc/>
    public override int MaxArguments => int.MaxValue;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var array = new JsonArray();
        foreach (var value in arguments)
        {
            array.Add(value?.DeepClone());
        }

        return array;
    }
}
