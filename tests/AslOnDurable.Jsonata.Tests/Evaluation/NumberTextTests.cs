using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Tests.Evaluation;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(-12d, "-12")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(123456789012345680000d, "123456789012345680000")]
    [InlineData(double.NaN, "NaN")]
    public void Format_Double_MatchesJavaScript(double value, string expected)
    {
        Assert.Equal(expected, NumberText.Format(value));
    }

    [Fact]
    public void FormatPrecision_FifteenDigits_DropsBinaryNoise()
    {
        Assert.Equal("0.3", NumberText.FormatPrecision(0.1 + 0.2, 15));
    }
}
