using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Array;

/// <summary><c>States.ArrayContains(array, value)</c>: whether an element deeply equals the value.</summary>
internal sealed class ArrayContainsFunction : IntrinsicFunction
{
    /// <inheritdoc/>
    public override string Name => "States.ArrayContains";

    /// <inheritdoc/>
    public override int MinArguments => 2;

    /// <inheritdoc/>
    public override int MaxArguments => 2;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var array = RequireArray(arguments[0], 1);
        var value = arguments[1];
        for (var i = 0; i < array.Count; i++)
        {
            if (JsonNode.DeepEquals(array[i], value))
            {
                return JsonValue.Create(true);
            }
        }

        return JsonValue.Create(false);
    }
}
