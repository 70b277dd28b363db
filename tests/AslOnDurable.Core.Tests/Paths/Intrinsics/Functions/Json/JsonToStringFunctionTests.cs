namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Json;

public class JsonToStringFunctionTests
{
    [Theory]
    [InlineData("0", "\"0\"")]
    [InlineData("1.1", "\"1.1\"")]
    [InlineData("1.50", "\"1.5\"")]
    [InlineData("1e2", "\"100.0\"")]
    [InlineData("\"HelloWorld\"", "\"\\\"HelloWorld\\\"\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("""{"b":1,"a":[1,{"c":"<&>"}]}""", "\"{\\\"b\\\":1,\\\"a\\\":[1,{\\\"c\\\":\\\"<&>\\\"}]}\"")]
    public void JsonToString_Value_ReturnsCompactJsonText(string value, string expected) =>
        IntrinsicAssert.Returns(expected, "States.JsonToString($.v)", $$"""{"v":{{value}}}""");

    [Fact]
    public void JsonToString_NonAscii_IsNotEscaped() =>
        IntrinsicAssert.Returns("\"\\\"héllo\\\"\"", "States.JsonToString($.v)", """{"v":"héllo"}""");
}
