using System.Text.Json.Nodes;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Tests.Evaluation;

public sealed class ValueConverterTests
{
    [Fact]
    public void FromJsonNode_Document_RoundTripsThroughToJsonNode()
    {
        var node = JsonNode.Parse("""{"a":[1,2.5,"x",true,null],"b":{"c":false}}""");
        var back = ValueConverter.ToJsonNode(ValueConverter.FromJsonNode(node));
        Assert.True(JsonNode.DeepEquals(node, back));
    }

    [Fact]
    public void FromJsonNode_Null_IsJsonNullNotUndefined()
    {
        Assert.Same(JNull.Value, ValueConverter.FromJsonNode(null));
    }

    [Fact]
    public void ToJsonNode_ObjectWithUndefinedOrFunctionValues_OmitsThem()
    {
        var obj = new JObject { ["a"] = 1d, ["b"] = null, ["f"] = new SplitMixFunction() };
        Assert.Equal("""{"a":1}""", ValueConverter.ToJsonNode(obj)!.ToJsonString());
    }

    [Fact]
    public void FromJsonNode_ClrNumbers_ReadAsDoubles()
    {
        var node = new JsonObject
        {
            ["int"] = JsonValue.Create(1),
            ["long"] = JsonValue.Create(9_000_000_000L),
            ["decimal"] = JsonValue.Create(2.5m),
            ["float"] = JsonValue.Create(0.5f),
            ["short"] = JsonValue.Create((short)-3),
            ["byte"] = JsonValue.Create((byte)7),
            ["uint"] = JsonValue.Create(4u),
            ["double"] = JsonValue.Create(1.25),
        };

        var converted = (JObject)ValueConverter.FromJsonNode(node);

        Assert.Equal(1d, converted["int"]);
        Assert.Equal(9_000_000_000d, converted["long"]);
        Assert.Equal(2.5d, converted["decimal"]);
        Assert.Equal(0.5d, converted["float"]);
        Assert.Equal(-3d, converted["short"]);
        Assert.Equal(7d, converted["byte"]);
        Assert.Equal(4d, converted["uint"]);
        Assert.Equal(1.25d, converted["double"]);
    }

    [Fact]
    public void FromJsonNode_ClrStringLikeValues_ReadAsStrings()
    {
        Assert.Equal("x", ValueConverter.FromJsonNode(JsonValue.Create('x')));
        Assert.Equal("s", ValueConverter.FromJsonNode(JsonValue.Create("s")));
    }

    [Fact]
    public void Evaluate_ClrNumberBindingsAndInput_DoArithmetic()
    {
        var expression = JsonataExpression.Compile("a + $b + $c");
        var input = new JsonObject { ["a"] = JsonValue.Create(1) };
        var bindings = new Dictionary<string, JsonNode?> { ["b"] = JsonValue.Create(2L), ["c"] = JsonValue.Create(0.5m) };

        var result = expression.Evaluate(input, bindings);

        Assert.Equal("3.5", result.ToJsonString());
    }

    [Fact]
    public void IsFunction_LambdaResult_IsTrueAndPlainValuesAreNot()
    {
        Assert.True(JsonataExpression.Compile("function($x){$x}").Evaluate(null).IsFunction);
        Assert.True(JsonataExpression.Compile("$sum").Evaluate(null).IsFunction);
        Assert.False(JsonataExpression.Compile("1").Evaluate(null).IsFunction);
        Assert.False(JsonataExpression.Compile("nothing").Evaluate(null).IsFunction);
    }

    private sealed class SplitMixFunction : Callable
    {
        public override int Arity => 0;
    }
}
