namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Json;

public class StringToJsonFunctionTests
{
    [Theory]
    [InlineData("\"\"", "null")]
    [InlineData("\"  \"", "null")]
    [InlineData("\"-0\"", "0")]
    [InlineData("\"1\"", "1")]
    [InlineData("\"1.1\"", "1.1")]
    [InlineData("\"1.10\"", "1.1")]
    [InlineData("\"[1e2, -0, 2.50]\"", "[100.0,0,2.5]")]
    [InlineData("\"true\"", "true")]
    [InlineData("\"null\"", "null")]
    [InlineData("\"\\\"HelloWorld\\\"\"", "\"HelloWorld\"")]
    [InlineData("\"[1, 2, \\\"HelloWorld\\\"]\"", "[1,2,\"HelloWorld\"]")]
    [InlineData("\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": [-0]}\"", """{"Arg1":1,"Arg2":[0]}""")]
    public void StringToJson_JsonText_ReturnsParsedValue(string value, string expected) =>
        IntrinsicAssert.Returns(expected, "States.StringToJson($.s)", $$"""{"s":{{value}}}""");

    [Fact]
    public void StringToJson_LiteralWithBraces_Parses() =>
        IntrinsicAssert.Returns("""{"k":"false"}""", "States.StringToJson('{\"k\": \"false\"}')");

    [Fact]
    public void StringToJson_InvalidJson_FailsWithRuntime() =>
        Assert.Equal(
            "Invalid arguments in States.StringToJson: the string \"{oops\" is not valid JSON",
            IntrinsicAssert.Fails("States.StringToJson($.s)", """{"s":"{oops"}""").Cause);

    [Fact]
    public void StringToJson_NotAString_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.StringToJson($.s)", """{"s":{"a":1}}""");
}
