namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Encoding;

public class Base64DecodeFunctionTests
{
    [Theory]
    [InlineData("RGF0YSB0byBlbmNvZGU=", "\"Data to encode\"")]
    [InlineData("", "\"\"")]
    [InlineData("w6k=", "\"é\"")]
    public void Base64Decode_Base64_DecodesUtf8(string text, string expected) =>
        IntrinsicAssert.Returns(expected, "States.Base64Decode($.s)", $$"""{"s":"{{text}}"}""");

    [Fact]
    public void Base64Decode_InvalidBase64_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.Base64Decode($.s)", """{"s":"not base64!"}""");

    [Fact]
    public void Base64Decode_Over10000Characters_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.Base64Decode($.s)", $$"""{"s":"{{new string('A', 10_004)}}"}""");
}
