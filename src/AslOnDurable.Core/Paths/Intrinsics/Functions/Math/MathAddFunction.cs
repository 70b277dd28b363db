using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Math;

/// <summary>
/// <c>States.MathAdd(a, b)</c>: the sum of two integers. Non-integer arguments are first rounded to the nearest
/// integer, halves up (Java's <c>Math.round</c>: 1.5 → 2, -1.5 → -1, -2.5 → -2), as AWS does.
/// </summary>
internal sealed class MathAddFunction : IntrinsicFunction
{
    /// <inheritdoc/>
    public override string Name => "States.MathAdd";

    /// <inheritdoc/>
    public override int MinArguments => 2;

    /// <inheritdoc/>
    public override int MaxArguments => 2;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var a = RequireRoundedInteger(arguments[0], 1);
        var b = RequireRoundedInteger(arguments[1], 2);
        long sum;
        try
        {
            sum = checked(a + b);
        }
        catch (OverflowException)
        {
            throw Fail($"the sum of {a} and {b} does not fit a 64-bit integer");
        }

        return JsonValue.Create(sum);
    }
}
