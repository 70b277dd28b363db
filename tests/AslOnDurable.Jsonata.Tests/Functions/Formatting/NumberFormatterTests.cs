using AslOnDurable.Jsonata.Functions.Formatting;

namespace AslOnDurable.Jsonata.Tests.Functions.Formatting;

public sealed class NumberFormatterTests
{
    [Theory]
    [InlineData(9876.5, "#,##0.00", "9,876.50")]
    [InlineData(42, "0000", "0042")]
    [InlineData(7.5, "0.0#", "7.5")]
    [InlineData(0.25, "#.##", ".25")]
    [InlineData(42, "Total: #0 units", "Total: 42 units")]
    public void FormatNumber_DigitPatterns_PadAndTrimAsPictured(double value, string picture, string expected) =>
        Assert.Equal(expected, NumberFormatter.FormatNumber(value, picture));

    [Theory]
    [InlineData(2.5, "0", "2")]
    [InlineData(3.5, "0", "4")]
    [InlineData(0.125, "0.00", "0.12")]
    [InlineData(0.135, "0.00", "0.14")]
    [InlineData(-7.25, "0.0", "-7.2")]
    public void FormatNumber_HalfwayValues_RoundHalfToEvenOnTheDecimalForm(double value, string picture, string expected) =>
        Assert.Equal(expected, NumberFormatter.FormatNumber(value, picture));

    [Theory]
    [InlineData(1234567, "#,##,###", "12,34,567")]
    [InlineData(1234567, "#,###,##", "12,345,67")]
    [InlineData(0.123456, "0.000,000", "0.123,456")]
    [InlineData(1e21, "#,##0", "1e,+21")]
    public void FormatNumber_GroupingSeparators_RepeatWhenRegularElseStayWherePictured(double value, string picture, string expected) =>
        Assert.Equal(expected, NumberFormatter.FormatNumber(value, picture));

    [Theory]
    [InlineData(0.375, "#0.0%", "37.5%")]
    [InlineData(0.0125, "#0.0\u2030", "12.5\u2030")]
    public void FormatNumber_PercentAndPerMille_ScaleTheValue(double value, string picture, string expected) =>
        Assert.Equal(expected, NumberFormatter.FormatNumber(value, picture));

    [Theory]
    [InlineData(-12.5, "(12.5)")]
    [InlineData(12.5, "12.5")]
    public void FormatNumber_TwoSubPictures_NegativeUsesTheSecond(double value, string expected) =>
        Assert.Equal(expected, NumberFormatter.FormatNumber(value, "0.0;(0.0)"));

    [Theory]
    [InlineData(98765.4321, "0.00e0", "9.88e4")]
    [InlineData(0.000456, "0.0e00", "4.6e-04")]
    [InlineData(98765.4321, "00.0e0", "98.8e3")]
    [InlineData(5, "#e0", "0.e1")]
    [InlineData(0, "0.0e0", "0.0e0")]
    [InlineData(-250, "0.0e0", "-2.5e2")]
    public void FormatNumber_ExponentPictures_ScaleMantissaToMandatoryIntegerDigits(double value, string picture, string expected) =>
        Assert.Equal(expected, NumberFormatter.FormatNumber(value, picture));

    [Fact]
    public void FormatNumber_CustomSeparators_AreUsedForParsingAndOutput()
    {
        var options = NumberFormatOptions.FromProperties(new Dictionary<string, string>
        {
            ["decimal-separator"] = ",",
            ["grouping-separator"] = ".",
        });

        Assert.Equal("1.234.567,89", NumberFormatter.FormatNumber(1234567.891, "#.##0,00", options));
    }

    [Fact]
    public void FormatNumber_CustomMinusSignAndMultiCharacterPercent_AreApplied()
    {
        Assert.Equal("~003", NumberFormatter.FormatNumber(-3, "000", NumberFormatOptions.Default with { MinusSign = "~" }));
        Assert.Equal("50.00pc", NumberFormatter.FormatNumber(0.5, "0.00pc", NumberFormatOptions.FromProperties([new("percent", "pc")])));
        Assert.Equal("1.2E2", NumberFormatter.FormatNumber(120, "0.0E0", NumberFormatOptions.Default with { ExponentSeparator = "E" }));
    }

    [Fact]
    public void FormatNumber_ZeroDigitOption_SelectsAnotherDigitFamily()
    {
        var arabic = NumberFormatOptions.Default with { ZeroDigit = "\u0660" };

        Assert.Equal("\u0663", NumberFormatter.FormatNumber(3.14159, "#", arabic));
        Assert.Equal("\u0663.\u0661\u0664", NumberFormatter.FormatNumber(3.14159, "\u0660.\u0660\u0660", arabic));
    }

    [Fact]
    public void FormatNumber_NonFiniteValues_UseTheNaNAndInfinityOptions()
    {
        Assert.Equal("NaN", NumberFormatter.FormatNumber(double.NaN, "#"));
        Assert.Equal("-Infinity", NumberFormatter.FormatNumber(double.NegativeInfinity, "#"));
    }

    [Theory]
    [InlineData("#;#;#", "D3080")]
    [InlineData("0..0", "D3081")]
    [InlineData("0%%", "D3082")]
    [InlineData("0\u2030\u2030", "D3083")]
    [InlineData("0%\u2030", "D3084")]
    [InlineData(".e0", "D3085")]
    [InlineData("0a0", "D3086")]
    [InlineData("%", "D3086")]
    [InlineData("0,.0", "D3087")]
    [InlineData("#,", "D3088")]
    [InlineData("#,,0", "D3089")]
    [InlineData("0#", "D3090")]
    [InlineData("0.#0", "D3091")]
    [InlineData("0e0%", "D3092")]
    [InlineData("0e#", "D3093")]
    public void FormatNumber_InvalidPicture_ThrowsTheRuleCode(string picture, string code)
    {
        var error = Assert.Throws<JsonataException>(() => NumberFormatter.FormatNumber(1, picture));
        Assert.Equal(code, error.Code);
    }
}
