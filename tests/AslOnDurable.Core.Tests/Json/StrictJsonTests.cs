using System.Text.Json;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Tests.Json;

public sealed class StrictJsonTests
{
    [Fact]
    public void Parse_DuplicateName_Throws()
    {
        var error = Assert.Throws<JsonException>(() => StrictJson.Parse("""{"a":1,"b":{"a":1,"a":2}}"""));

        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\\ud800\"", "/")]
    [InlineData("{\"a\":[1,\"x\\udc00\"]}", "/a/1")]
    public void Parse_LoneSurrogate_ThrowsNamingWhere(string text, string pointer)
    {
        var error = Assert.Throws<JsonException>(() => StrictJson.Parse(text));

        Assert.Contains($"'{pointer}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LoneSurrogateInName_Throws()
    {
        var error = Assert.Throws<JsonException>(() => StrictJson.Parse("{\"k\\ud800\":1}"));

        Assert.Contains("property name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PairedSurrogates_Accepted()
    {
        Assert.Equal("😀", StrictJson.Parse("\"\\ud83d\\ude00\"")!.GetValue<string>());
    }

    [Fact]
    public void Parse_NestedToTheLimit_AcceptedAndWritable()
    {
        var text = new string('[', JsonLimits.MaxDepth) + new string(']', JsonLimits.MaxDepth);

        var node = StrictJson.Parse(text);

        Assert.Equal(text, node!.ToJsonString(JsonLimits.SerializerOptions));
    }

    [Fact]
    public void Parse_NestedPastTheLimit_Throws()
    {
        var text = new string('[', JsonLimits.MaxDepth + 1) + new string(']', JsonLimits.MaxDepth + 1);

        Assert.ThrowsAny<JsonException>(() => StrictJson.Parse(text));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("plain", true)]
    [InlineData("a\U0001F600b\U0001F642", true)]
    [InlineData(@"\ud83d", false)]
    [InlineData(@"x\ude00", false)]
    [InlineData(@"\U0001F600\ud83d", false)]
    [InlineData(@"\ude00\ud83d", false)]
    public void IsWellFormed_SurrogatesOnlyInPairs(string text, bool expected) =>
        // Attribute strings cannot hold lone surrogates (metadata is UTF-8): they come escaped (\uXXXX, \UXXXXXXXX).
        Assert.Equal(expected, StrictJson.IsWellFormed(Unescape(text)));

    private static string Unescape(string text) =>
        System.Text.RegularExpressions.Regex.Replace(
            text,
            @"\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})",
            m => m.Groups[1].Success ? ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString() : char.ConvertFromUtf32(Convert.ToInt32(m.Groups[2].Value, 16)));

    [Fact]
    public void FindLoneSurrogate_BuiltValue_PointsAtTheStringOrName()
    {
        var value = new System.Text.Json.Nodes.JsonObject
        {
            ["ok"] = "\U0001F600",
            ["list"] = new System.Text.Json.Nodes.JsonArray(1, "fine", "half \ud83d"),
        };
        var name = new System.Text.Json.Nodes.JsonObject { ["k\ude00"] = 1 };

        Assert.Equal("/list/2", StrictJson.FindLoneSurrogate(value));
        Assert.Equal("/k\ude00", StrictJson.FindLoneSurrogate(name));
        Assert.Null(StrictJson.FindLoneSurrogate(System.Text.Json.Nodes.JsonNode.Parse("""{"a":[1,{"b":"\uD83D\uDE00"}]}""")));
    }

    [Fact]
    public void Parse_RawLoneSurrogateCharacterInTheText_ThrowsJsonException()
    {
        // Regression (fuzzing, issue 14): an unpaired surrogate character (not a \u escape) threw ArgumentException,
        // which StartExecution and `asl run` do not expect; an API request's "input" string can carry one.
        var error = Assert.Throws<JsonException>(() => StrictJson.Parse("{\"a\":\"x\ude44\"}"));

        Assert.Contains("lone UTF-16 surrogate", error.Message, StringComparison.Ordinal);
    }
}
