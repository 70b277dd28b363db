using AslOnDurable.Jsonata.Functions.Formatting;

namespace AslOnDurable.Jsonata.Tests.Functions.Formatting;

public sealed class IntegerFormatterTests
{
    [Theory]
    [InlineData(7, "000", "007")]
    [InlineData(-42, "0000", "-0042")]
    [InlineData(7.9, "0", "7")]
    [InlineData(-7.1, "0", "-8")]
    [InlineData(1e21, "0", "1e+21")]
    public void Format_DecimalPattern_FloorsAndPadsToMandatoryDigits(double value, string picture, string expected) =>
        Assert.Equal(expected, IntegerFormatter.Format(value, picture));

    [Theory]
    [InlineData(1234567, "#,##0", "1,234,567")]
    [InlineData(1234567, "# ##0", "1 234 567")]
    [InlineData(123456789, "#,##,##0", "1234,56,789")]
    [InlineData(123456789, "#.###,##0", "123.456,789")]
    [InlineData(5, "#,##0", "5")]
    [InlineData(12, "#:###,##0", ",:12")]
    public void Format_GroupingSeparators_RepeatOnlyWhenRegular(double value, string picture, string expected) =>
        Assert.Equal(expected, IntegerFormatter.Format(value, picture));

    [Fact]
    public void Format_OtherDigitFamily_UsesItsDigits() =>
        Assert.Equal("\u0664\u0662", IntegerFormatter.Format(42, "##\u0660"));

    [Theory]
    [InlineData(42, "42nd")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(102, "102nd")]
    [InlineData(113, "113th")]
    public void Format_OrdinalModifier_AppendsEnglishSuffix(double value, string expected) =>
        Assert.Equal(expected, IntegerFormatter.Format(value, "0;o"));

    [Theory]
    [InlineData(2023, "I", "MMXXIII")]
    [InlineData(49, "i", "xlix")]
    [InlineData(3999, "I", "MMMCMXCIX")]
    [InlineData(0, "I", "")]
    public void Format_RomanNumerals_UseSubtractiveForms(double value, string picture, string expected) =>
        Assert.Equal(expected, IntegerFormatter.Format(value, picture));

    [Theory]
    [InlineData(28, "A", "AB")]
    [InlineData(702, "a", "zz")]
    [InlineData(703, "A", "AAA")]
    [InlineData(0, "a", "")]
    public void Format_Letters_CountLikeSpreadsheetColumns(double value, string picture, string expected) =>
        Assert.Equal(expected, IntegerFormatter.Format(value, picture));

    [Theory]
    [InlineData(0, "w", "zero")]
    [InlineData(15, "w", "fifteen")]
    [InlineData(40, "w", "forty")]
    [InlineData(81, "W", "EIGHTY-ONE")]
    [InlineData(101, "Ww", "One Hundred and One")]
    [InlineData(2024, "w", "two thousand and twenty-four")]
    [InlineData(1000001, "w", "one million and one")]
    [InlineData(-17, "w", "-seventeen")]
    [InlineData(1e18, "w", "one million trillion")]
    public void Format_Words_WriteEnglishCardinals(double value, string picture, string expected) =>
        Assert.Equal(expected, IntegerFormatter.Format(value, picture));

    [Theory]
    [InlineData(2, "w;o", "second")]
    [InlineData(40, "w;o", "fortieth")]
    [InlineData(101, "Ww;o", "One Hundred and First")]
    [InlineData(1000000, "w;o", "one millionth")]
    public void Format_WordsWithOrdinalModifier_WriteEnglishOrdinals(double value, string picture, string expected) =>
        Assert.Equal(expected, IntegerFormatter.Format(value, picture));

    [Theory]
    [InlineData("\u03b2", "D3130")]
    [InlineData("#", "D3130")]
    [InlineData("0\u0660", "D3131")]
    public void Format_UnsupportedPicture_Throws(string picture, string code)
    {
        var error = Assert.Throws<JsonataException>(() => IntegerFormatter.Format(5, picture));
        Assert.Equal(code, error.Code);
    }
}
