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

    private sealed class SplitMixFunction : Callable
    {
        public override int Arity => 0;
    }
}
