using AslOnDurable.Jsonata.Functions.Formatting;

namespace AslOnDurable.Jsonata.Tests.Functions.Formatting;

public sealed class BaseFormatterTests
{
    [Theory]
    [InlineData(255, 16.0, "ff")]
    [InlineData(255, null, "255")]
    [InlineData(-255, 2.0, "-11111111")]
    [InlineData(35, 36.0, "z")]
    [InlineData(10, 2.4, "1010")]
    [InlineData(1e21, null, "1e+21")]
    [InlineData(9007199254740993, 2.0, "100000000000000000000000000000000000000000000000000000")]
    public void Format_ValidRadix_WritesLowerCaseDigits(double value, double? radix, string expected) =>
        Assert.Equal(expected, BaseFormatter.Format(value, radix));

    [Theory]
    [InlineData(2.5, "2")]
    [InlineData(3.5, "4")]
    [InlineData(-2.5, "-2")]
    public void Format_FractionalValue_RoundsHalfToEven(double value, string expected) =>
        Assert.Equal(expected, BaseFormatter.Format(value));

    [Theory]
    [InlineData(1.4, 1.0)]
    [InlineData(36.6, 37.0)]
    public void Format_RadixOutsideTwoToThirtySix_ThrowsD3100WithRoundedRadix(double radix, double reported)
    {
        var error = Assert.Throws<JsonataException>(() => BaseFormatter.Format(10, radix));
        Assert.Equal("D3100", error.Code);
        Assert.Equal(reported, error.RawValue);
    }
}
