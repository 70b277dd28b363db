using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Math;

/// <summary>
/// <c>States.MathRandom(start, end[, seed])</c>: a random integer from <c>start</c> (inclusive) to <c>end</c>
/// (exclusive). Non-integer bounds are rounded to the nearest integer. With a seed the result is deterministic
/// (<c>java.util.Random(seed).nextInt(end - start) + start</c>); without one the randomness comes from the host.
/// </summary>
internal sealed class MathRandomFunction : IntrinsicFunction
{
    /// <inheritdoc/>
    public override string Name => "States.MathRandom";

    /// <inheritdoc/>
    public override int MinArguments => 2;

    /// <inheritdoc/>
    public override int MaxArguments => 3;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var start = RequireRoundedInteger(arguments[0], 1);
        var end = RequireRoundedInteger(arguments[1], 2);
        if (start < int.MinValue || start > int.MaxValue || end < int.MinValue || end > int.MaxValue)
        {
            throw Fail("the start and end numbers must be 32-bit integers");
        }

        var range = end - start;
        if (range <= 0 || range > int.MaxValue)
        {
            throw Fail($"the end number ({end}) must be greater than the start number ({start})");
        }

        long offset;
        if (arguments.Length == 3)
        {
            var seed = RequireRoundedInteger(arguments[2], 3);
            offset = new JavaRandom(seed).NextInt((int)range);
        }
        else
        {
            offset = System.Math.Min(range - 1, (long)System.Math.Floor(scope.Environment.NextRandom() * range));
        }

        return JsonValue.Create(start + offset);
    }
}
