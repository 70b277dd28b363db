using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Array;

/// <summary><c>States.ArrayUnique(array)</c>: the elements without duplicates (deep equality), first occurrences in order.</summary>
internal sealed class ArrayUniqueFunction : IntrinsicFunction
{
    /// <inheritdoc/>
    public override string Name => "States.ArrayUnique";

    /// <inheritdoc/>
    public override int MinArguments => 1;

    /// <inheritdoc/>
    public override int MaxArguments => 1;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var array = RequireArray(arguments[0], 1);
        var kept = new List<JsonNode?>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var element = array[i];
            var duplicate = false;
            foreach (var existing in kept)
            {
                if (JsonNode.DeepEquals(existing, element))
                {
                    duplicate = true;
                    break;
                }
            }

            if (!duplicate)
            {
                kept.Add(element);
            }
        }

        var result = new JsonArray();
        foreach (var element in kept)
        {
            result.Add(element?.DeepClone());
        }

        return result;
    }
}
