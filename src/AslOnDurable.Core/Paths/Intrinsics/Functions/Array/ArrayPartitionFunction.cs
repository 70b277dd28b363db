using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Array;

/// <summary>
/// <c>States.ArrayPartition(array, chunkSize)</c>: splits an array into chunks of <c>chunkSize</c> items; the last
/// chunk may be shorter. The chunk size must be a positive integer.
/// </summary>
internal sealed class ArrayPartitionFunction : IntrinsicFunction
{
    /// <inheritdoc/>
    public override string Name => "States.ArrayPartition";

    /// <inheritdoc/>
    public override int MinArguments => 2;

    /// <inheritdoc/>
    public override int MaxArguments => 2;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var array = RequireArray(arguments[0], 1);
        var size = RequireInteger(arguments[1], 2);
        if (size <= 0)
        {
            throw Fail($"the chunk size must be a positive integer, but was {size}");
        }

        var result = new JsonArray();
        JsonArray? chunk = null;
        for (var i = 0; i < array.Count; i++)
        {
            if (chunk is null || chunk.Count == size)
            {
                chunk = [];
                result.Add(chunk);
            }

            chunk.Add(array[i]?.DeepClone());
        }

        return result;
    }
}
