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
}
