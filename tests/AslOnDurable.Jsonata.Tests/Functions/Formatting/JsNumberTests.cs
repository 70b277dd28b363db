using AslOnDurable.Jsonata.Functions.Formatting;

namespace AslOnDurable.Jsonata.Tests.Functions.Formatting;

public sealed class JsNumberTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(123456789012345678, "123456789012345680")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(-2.5, "-2.5")]
    public void ToString_Doubles_MatchJavaScriptNumberToString(double value, string expected) =>
        Assert.Equal(expected, JsNumber.ToString(value));

    [Theory]
    [InlineData(1.005, 2, "1.00")]
    [InlineData(0.125, 2, "0.13")]
    [InlineData(2.5, 0, "3")]
    [InlineData(1e21, 2, "1e+21")]
    public void ToFixed_UsesTheExactBinaryValueAndRoundsTiesUp(double value, int digits, string expected) =>
        Assert.Equal(expected, JsNumber.ToFixed(value, digits));

    [Theory]
    [InlineData(2.345, 2, 2.34)]
    [InlineData(2.355, 2, 2.36)]
    [InlineData(-0.4, 0, 0)]
    public void RoundHalfEven_ShiftsThroughTheDecimalString(double value, int precision, double expected) =>
        Assert.Equal(expected, JsNumber.RoundHalfEven(value, precision));

    [Theory]
    [InlineData("  42abc", 42)]
    [InlineData("-0x1f", -31)]
    public void ParseInt_ReadsLeadingDigitsLikeJavaScript(string text, double expected) =>
        Assert.Equal(expected, JsNumber.ParseInt(text));
}
