using System.Text.Json.Nodes;

namespace AslOnDurable.Jsonata.Tests;

public sealed class JsonataValueTests
{
    [Theory]
    [InlineData("""{"a":[1,"x",true,null],"b":{"c":2.5}}""")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    public void IsPlainJson_ConvertedDocument_IsPlain(string json)
    {
        Assert.True(JsonataValue.FromNode(JsonNode.Parse(json)).IsPlainJson);
    }

    [Theory]
    [InlineData("a.x")] // a sequence of two values
    [InlineData("{'f': function($x) { $x }}")] // a function member
    public void IsPlainJson_EvaluatorOnlyShapes_AreNotPlain(string expression)
    {
        var value = JsonataExpression.Compile(expression).Evaluate(JsonataValue.Parse("""{"a":[{"x":1},{"x":2}]}"""));

        Assert.False(value.IsPlainJson);
    }

    [Theory]
    [InlineData("{'a': [$split('\uD83D\uDE00', '')[0]]}", false)] // half of a pair in a string
    [InlineData("{$split('\uD83D\uDE00', '')[1]: 1}", false)] // in a member name
    [InlineData("{'a': ['\uD83D\uDE00', 'plain']}", true)]
    public void ToNode_LoneSurrogate_IsReportedWhileBuilding(string expression, bool expected)
    {
        var value = JsonataExpression.Compile(expression).Evaluate(JsonataValue.Undefined);

        var node = value.ToNode(out var wellFormed);

        Assert.Equal(expected, wellFormed);
        Assert.True(JsonNode.DeepEquals(value.Node, node));
    }

    [Fact]
    public void FromNode_KnownNode_TakesHeldValueInsteadOfConverting()
    {
        var inner = new JsonObject { ["x"] = 1 };
        var outer = new JsonObject { ["inner"] = inner, ["y"] = 2 };
        var held = JsonataValue.FromNode(JsonNode.Parse("""{"x":"held"}"""));

        var value = JsonataValue.FromNode(outer, new Known(inner, held));

        Assert.Equal("""{"inner":{"x":"held"},"y":2}""", value.ToJsonString());
    }

    private sealed class Known(JsonNode node, JsonataValue value) : IConvertedNodes
    {
        public bool TryGetConverted(JsonNode candidate, out JsonataValue held)
        {
            held = ReferenceEquals(candidate, node) ? value : default;
            return ReferenceEquals(candidate, node);
        }
    }
}
