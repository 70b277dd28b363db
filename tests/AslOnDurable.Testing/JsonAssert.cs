using System.Text.Json.Nodes;
using Xunit;

namespace AslOnDurable.Testing;

/// <summary>Assertions on JSON values: equal by value, key order ignored, numbers by value.</summary>
public static class JsonAssert
{
    /// <summary>Asserts that two JSON texts or nodes are the same value.</summary>
    public static void Equal(string expectedJson, JsonNode? actual)
    {
        var expected = JsonNode.Parse(expectedJson);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected?.ToJsonString() ?? "null"} but got {actual?.ToJsonString() ?? "null"}");
    }
}
