using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.String;

public class StringSplitFunctionTests
{
    [Theory]
    [InlineData(" ", ",", "[\" \"]")]
    [InlineData(",,,,", ",", "[]")]
    [InlineData("", ",", "[]")]
    [InlineData("1,2,3,4,5", ",", "[\"1\",\"2\",\"3\",\"4\",\"5\"]")]
    [InlineData("This.is+a,test=string", ".+,=", "[\"This\",\"is\",\"a\",\"test\",\"string\"]")]
    [InlineData("split on T and \nnew line", "T\n", "[\"split on \",\" and \",\"new line\"]")]
    [InlineData("a,,b,", ",", "[\"a\",\"b\"]")]
    [InlineData("abc", "", "[\"abc\"]")]
    public void StringSplit_Delimiters_EachCharacterSplitsAndEmptyPiecesDrop(string text, string delimiters, string expected)
    {
        var input = new System.Text.Json.Nodes.JsonObject { ["s"] = text, ["d"] = delimiters }.ToJsonString();
        IntrinsicAssert.Returns(expected, "States.StringSplit($.s, $.d)", input);
    }

    [Fact]
    public void StringSplit_MultiLineValue_KeepsNewlinesInsidePieces() =>
        IntrinsicAssert.Returns(
            """["Value1","Value2\nValue3","\n   \n"]""",
            "States.StringSplit($.s, ',')",
            """{"s":"Value1,Value2\nValue3,\n   \n"}""");

    [Fact]
    public void StringSplit_NotAString_FailsWithRuntime() => IntrinsicAssert.Fails("States.StringSplit($.s, ',')", """{"s":1}""");

    [Theory]
    [InlineData("a\U0001F600b\U0001F642c", "\U0001F642x", new[] { "a\U0001F600b", "c" })]
    [InlineData("\U0001F600", "\U0001F600", new string[0])]
    [InlineData("x\U0001F600y", "\U0001F642", new[] { "x\U0001F600y" })]
    public void StringSplit_DelimiterOutsideTheBmp_SplitsAtWholeCodePointsNeverLeavingLoneSurrogates(string text, string delimiters, string[] expected)
    {
        // Regression (fuzzing, issue 14): splitting at each UTF-16 unit of an emoji delimiter cut other emoji in half.
        var input = new JsonObject { ["s"] = text, ["d"] = delimiters }.ToJsonString();

        var result = JsonNode.Parse(IntrinsicAssert.Evaluate("States.StringSplit($.s, $.d)", input))!.AsArray();

        Assert.Equal(expected, result.Select(n => n!.GetValue<string>()));
    }
}
