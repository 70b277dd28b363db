namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Encoding;

public class Base64EncodeFunctionTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("Data to encode", "RGF0YSB0byBlbmNvZGU=")]
    [InlineData("é", "w6k=")]
    public void Base64Encode_String_EncodesUtf8(string text, string expected) =>
        IntrinsicAssert.Returns($"\"{expected}\"", "States.Base64Encode($.s)", new System.Text.Json.Nodes.JsonObject { ["s"] = text }.ToJsonString());

    [Fact]
    public void Base64Encode_Over10000Characters_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.Base64Encode($.s)", $$"""{"s":"{{new string('a', 10_001)}}"}""");

    [Fact]
    public void Base64Encode_NotAString_FailsWithRuntime() => IntrinsicAssert.Fails("States.Base64Encode($.s)", """{"s":1}""");
}
