namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Array;

public class ArrayRangeFunctionTests
{
    [Theory]
    [InlineData("States.ArrayRange(0, 10, 3)", "[0,3,6,9]")]
    [InlineData("States.ArrayRange(1, 9, 9)", "[1]")]
    [InlineData("States.ArrayRange(1, 9, 2)", "[1,3,5,7,9]")]
    [InlineData("States.ArrayRange(5, 5, 1)", "[5]")]
    [InlineData("States.ArrayRange(10, 0, -4)", "[10,6,2]")]
    [InlineData("States.ArrayRange(5, 1, 1)", "[]")]
    [InlineData("States.ArrayRange(-3, 3, 3)", "[-3,0,3]")]
    [InlineData("States.ArrayRange(1, 1000, 1)", null)]
    public void ArrayRange_Bounds_IncludesLastWhenStepLandsOnIt(string call, string? expected)
    {
        var result = IntrinsicAssert.Evaluate(call);
        if (expected is null)
        {
            Assert.Equal(1000, System.Text.Json.Nodes.JsonNode.Parse(result)!.AsArray().Count);
        }
        else
        {
            Assert.Equal(expected, result);
        }
    }

    [Fact]
    public void ArrayRange_MoreThan1000Items_FailsWithRuntime()
    {
        var error = IntrinsicAssert.Fails("States.ArrayRange(0, 1000, 1)");
        Assert.Equal("Invalid arguments in States.ArrayRange: the range would contain 1001 items, more than the maximum of 1000", error.Cause);
    }

    [Fact]
    public void ArrayRange_ZeroStep_FailsWithRuntime() =>
        Assert.Equal("Invalid arguments in States.ArrayRange: the step must not be 0", IntrinsicAssert.Fails("States.ArrayRange(0, 10, 0)").Cause);

    [Theory]
    [InlineData("States.ArrayRange(0.5, 10, 1)")]
    [InlineData("States.ArrayRange(0, '10', 1)")]
    public void ArrayRange_NonIntegerArgument_FailsWithRuntime(string call) => IntrinsicAssert.Fails(call);

    [Fact]
    public void ArrayRange_TwoArguments_IsRejectedAtParse() => IntrinsicAssert.Rejected("States.ArrayRange(0, 10)");
}
