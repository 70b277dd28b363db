using AslOnDurable.Jsonata.Functions.Formatting;

namespace AslOnDurable.Jsonata.Tests.Functions.Formatting;

public sealed class IntegerParserTests
{
    [Theory]
    [InlineData("007", "000", 7)]
    [InlineData("1,234,567", "#,##0", 1234567)]
    [InlineData("\u0664\u0662", "##\u0660", 42)]
    [InlineData("42nd", "0;o", 42)]
    [InlineData("0x10", "0", 16)]
    public void Parse_DecimalPatterns_ReadDigitsAfterRemovingDecorations(string text, string picture, double expected) =>
        Assert.Equal(expected, IntegerParser.Parse(text, picture));

    [Theory]
    [InlineData("1 234", "# ##0", 1)]
    [InlineData("12:345", "#:##0", 12)]
    public void Parse_RegularNonCommaSeparator_OnlyCommasAreRemovedLikeTheReference(string text, string picture, double expected) =>
        Assert.Equal(expected, IntegerParser.Parse(text, picture));

    [Theory]
    [InlineData("MMXXIII", "I", 2023)]
    [InlineData("xlix", "i", 49)]
    [InlineData("ABC", "A", 731)]
    [InlineData("zz", "a", 702)]
    [InlineData("", "I", 0)]
    public void Parse_NumeralsAndLetters_ReadBack(string text, string picture, double expected) =>
        Assert.Equal(expected, IntegerParser.Parse(text, picture));

    [Theory]
    [InlineData("two thousand and twenty-four", "w", 2024)]
    [InlineData("One Hundred and First", "Ww;o", 101)]
    [InlineData("FORTIETH", "W;o", 40)]
    [InlineData("twelve hundred", "w", 1200)]
    [InlineData("ten billion trillion", "w", 1e22)]
    public void Parse_Words_ReadCardinalsAndOrdinals(string text, string picture, double expected) =>
        Assert.Equal(expected, IntegerParser.Parse(text, picture));

    [Theory]
    [InlineData("bogus", "w")]
    [InlineData("xyz", "0")]
    [InlineData("mcm", "I")]
    public void Parse_UnreadableText_GivesNaN(string text, string picture) =>
        Assert.True(double.IsNaN(IntegerParser.Parse(text, picture)));

    [Fact]
    public void Parse_UnsupportedSequence_ThrowsD3130()
    {
        var error = Assert.Throws<JsonataException>(() => IntegerParser.Parse("12", "\u03b2"));
        Assert.Equal("D3130", error.Code);
    }
}
