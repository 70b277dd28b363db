using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Tests.Paths;

public class JavaJsonTextTests
{
    [Fact]
    public void Compact_Numbers_PrintLikeJackson() =>
        Assert.Equal(
            """{"i":12,"big":123456789012345678901234,"f":1.5,"g":100.0,"h":1.0E-5,"z":0,"s":"é<"}""",
            JavaJsonText.Compact(JsonNode.Parse("""{"i":12,"big":123456789012345678901234,"f":1.50,"g":1e2,"h":0.00001,"z":-0,"s":"é<"}""")));

    [Fact]
    public void Compact_ClrValues_AreWritten() =>
        Assert.Equal("""[true,null,"x",2.5,3]""", JavaJsonText.Compact(new JsonArray(true, null, "x", 2.5, 3)));

    [Fact]
    public void Compact_ParsedIntegersAndEscapedStrings_WrittenAsABuiltNodeIs()
    {
        var parsed = JsonNode.Parse("""{"s":"\u00e9\"<1.5e3","n":[1,-2,{"k":"-0"}]}""");
        var built = new JsonObject { ["s"] = "é\"<1.5e3", ["n"] = new JsonArray(1, -2, new JsonObject { ["k"] = "-0" }) };

        Assert.Equal("""{"s":"é\"<1.5e3","n":[1,-2,{"k":"-0"}]}""", JavaJsonText.Compact(parsed));
        Assert.Equal(JavaJsonText.Compact(built), JavaJsonText.Compact(parsed));
    }

    [Fact]
    public void Compact_FractionDeepInsideAParsedArray_PrintedLikeJackson() =>
        Assert.Equal("""[{"a":[1,{"b":2.0}]},"x"]""", JavaJsonText.Compact(JsonNode.Parse("""[{"a":[1,{"b":2.00}]},"x"]""")));

    [Theory]
    [InlineData("12", true)]
    [InlineData("-3", true)]
    [InlineData("1.0", false)]
    [InlineData("1e5", false)]
    public void IsIntegerToken_Text_DetectsFractionOrExponent(string text, bool expected) =>
        Assert.Equal(expected, JavaJsonText.IsIntegerToken(text));
}
