using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Array;

/// <summary>
/// <c>States.ArrayRange(first, last, step)</c>: the integers from <c>first</c> towards <c>last</c> (included when a
/// step lands on it) by <c>step</c>. All three must be integers, the step non-zero, and the result at most 1000 items.
/// </summary>
internal sealed class ArrayRangeFunction : IntrinsicFunction
{
    /// <summary>The most items AWS lets the function produce.</summary>
    public const int MaxItems = 1000;

    /// <inheritdoc/>
    public override string Name => "States.ArrayRange";

    /// <inheritdoc/>
    public override int MinArguments => 3;

    /// <inheritdoc/>
    public override int MaxArguments => 3;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var first = RequireInteger(arguments[0], 1);
        var last = RequireInteger(arguments[1], 2);
        var step = RequireInteger(arguments[2], 3);
        if (step == 0)
        {
            throw Fail("the step must not be 0");
        }

        var span = (Int128)last - first;
        var count = (span == 0 || (span > 0) == (step > 0)) ? (span / step) + 1 : 0;
        if (count > MaxItems)
        {
            throw Fail($"the range would contain {count} items, more than the maximum of {MaxItems}");
        }

        var result = new JsonArray();
        var value = first;
        for (var i = 0; i < (int)count; i++)
        {
            result.Add(JsonValue.Create(value));
            value += step;
        }

        return result;
    }
}
