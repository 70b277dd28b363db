using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Tests.Paths;

public class JsonNumbersTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("-7", -7)]
    [InlineData("2.0", 2)]
    [InlineData("1e3", 1000)]
    public void TryGetInt64_IntegralNumbers_Succeed(string json, long expected)
    {
        Assert.True(JsonNumbers.TryGetInt64(JsonNode.Parse(json), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("\"1\"")]
    [InlineData("null")]
    [InlineData("1e30")]
    public void TryGetInt64_OtherValues_Fail(string json) => Assert.False(JsonNumbers.TryGetInt64(JsonNode.Parse(json), out _));

    [Fact]
    public void TryGetDecimal_ClrBackedValues_AreRead()
    {
        Assert.True(JsonNumbers.TryGetDecimal(JsonValue.Create(2.5), out var d));
        Assert.Equal(2.5m, d);
        Assert.True(JsonNumbers.TryGetDecimal(JsonValue.Create(7L), out d));
        Assert.Equal(7m, d);
        Assert.True(JsonNumbers.TryGetDecimal(JsonValue.Create(3), out d));
        Assert.Equal(3m, d);
    }

    [Fact]
    public void TryCompare_ExactDecimals_AreCompared()
    {
        Assert.True(JsonNumbers.TryCompare(JsonNode.Parse("0.1"), JsonNode.Parse("0.10"), out var c));
        Assert.Equal(0, c);
        Assert.True(JsonNumbers.TryCompare(JsonNode.Parse("1e400"), JsonNode.Parse("1"), out c));
        Assert.Equal(1, c);
        Assert.False(JsonNumbers.TryCompare(JsonNode.Parse("\"1\""), JsonNode.Parse("1"), out _));
    }

    [Fact]
    public void IsNumber_Kinds_Detected()
    {
        Assert.True(JsonNumbers.IsNumber(JsonNode.Parse("1")));
        Assert.False(JsonNumbers.IsNumber(JsonNode.Parse("\"1\"")));
        Assert.False(JsonNumbers.IsNumber(null));
    }
}
