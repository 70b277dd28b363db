namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Math;

public class MathAddFunctionTests
{
    [Theory]
    [InlineData("111", "-1", "110")]
    [InlineData("1.49", "1.5", "3")]
    [InlineData("1.5", "1.51", "4")]
    [InlineData("-1.49", "-1.5", "-2")]
    [InlineData("-1.5", "-1.51", "-3")]
    [InlineData("1.49", "0", "1")]
    [InlineData("1.49", "-1.49", "0")]
    [InlineData("1.51", "0", "2")]
    [InlineData("-1.49", "0", "-1")]
    [InlineData("-1.5", "0", "-1")]
    [InlineData("0.5", "0", "1")]
    [InlineData("1.5", "0", "2")]
    [InlineData("2.5", "0", "3")]
    [InlineData("-0.5", "0.5", "1")]
    [InlineData("-0.5", "0", "0")]
    [InlineData("-2.5", "0", "-2")]
    [InlineData("-3.5", "0", "-3")]
    [InlineData("9007199254740993", "1", "9007199254740994")]
    public void MathAdd_Numbers_RoundsHalfUpThenAdds(string a, string b, string expected) =>
        IntrinsicAssert.Returns(expected, "States.MathAdd($.a, $.b)", $$"""{"a":{{a}},"b":{{b}}}""");

    [Fact]
    public void MathAdd_Literals_Adds() => IntrinsicAssert.Returns("2", "States.MathAdd(3, -1)");

    [Fact]
    public void MathAdd_NotANumber_FailsWithRuntime() =>
        Assert.Equal(
            "Invalid arguments in States.MathAdd: argument 1 must be an integer, but was string \"1\"",
            IntrinsicAssert.Fails("States.MathAdd($.a, 1)", """{"a":"1"}""").Cause);

    [Fact]
    public void MathAdd_Overflow_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.MathAdd(9223372036854775807, 1)");
}
