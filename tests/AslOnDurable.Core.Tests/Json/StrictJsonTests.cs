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
}
