using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Tests.Evaluation;

/// <summary>
/// Member names that compiled expressions use are shared with the objects converted from JSON, so a lookup finds the
/// member by reference; names no expression uses are left as they are, and reading JSON never adds names.
/// </summary>
public sealed class KeyNamesTests
{
    [Fact]
    public void ConvertedObject_KeyAnExpressionReads_IsTheExpressionsInstance()
    {
        JsonataExpression.Compile("order.zq7_totalAmount");
        var text = new string("zq7_totalAmount".AsSpan()); // a fresh instance, as a JSON reader makes
        var obj = (JObject)ValueConverter.FromJsonNode(new JsonObject { [text] = 1, ["other"] = 2 })!;

        Assert.Same(KeyNames.Canonical("zq7_totalAmount"), obj.GetAt(0).Key);
        Assert.NotSame(text, obj.GetAt(0).Key);
    }

    [Fact]
    public void ConvertedObject_KeyNoExpressionUses_KeptAsItIsAndNotAdded()
    {
        var name = "never_in_an_expression_" + Guid.NewGuid().ToString("N");
        var obj = (JObject)ValueConverter.FromJsonNode(new JsonObject { [name] = 1 })!;

        Assert.Same(name, obj.GetAt(0).Key);
        Assert.Same(name, KeyNames.Canonical(name));
        Assert.NotSame(name, KeyNames.Canonical(new string(name.AsSpan())));
    }

    [Fact]
    public void LongLiteral_NotPooled()
    {
        var literal = new string('k', 65);
        JsonataExpression.Compile($"'{literal}'");

        Assert.NotSame(KeyNames.Canonical(new string(literal.AsSpan())), KeyNames.Canonical(new string(literal.AsSpan())));
    }

    [Theory]
    [InlineData("""{"a":{"b":[{"c":1},{"c":2}]},"d":"x"}""", "a.b.c", "[1,2]")]
    [InlineData("""{"price":3,"qty":4}""", "price * qty", "12")]
    [InlineData("""{"k":1,"j":3,"k":2}""", "{'keys': $keys($), 'k': k}", """{"keys":["k","j"],"k":2}""")]
    public void Evaluate_InputConvertedFromAnElement_KeysPooledSameResults(string input, string expression, string expected)
    {
        using var document = JsonDocument.Parse(input);

        Assert.Equal(expected, JsonataExpression.Compile(expression).Evaluate(JsonataValue.FromElement(document.RootElement)).ToJsonString());
    }

    [Fact]
    public void Evaluate_InputConvertedFromANode_KeysPooledSameResults()
    {
        var result = JsonataExpression.Compile("{'total': $sum(items.(price * qty)), 'names': items.name}")
            .Evaluate(JsonNode.Parse("""{"items":[{"name":"a","price":2,"qty":3},{"name":"b","price":5,"qty":1}]}"""));

        Assert.Equal("""{"total":11,"names":["a","b"]}""", result.ToJsonString());
    }
}
