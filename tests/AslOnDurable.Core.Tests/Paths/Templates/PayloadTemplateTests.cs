using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths;
using AslOnDurable.Core.Paths.Templates;

namespace AslOnDurable.Core.Tests.Paths.Templates;

public class PayloadTemplateTests
{
    private static readonly FakeEvaluationEnvironment Env = new FakeEvaluationEnvironment
    {
        ContextObject = JsonNode.Parse("""{"Execution":{"Input":{"x":1}},"Map":{"Item":{"Value":"v","Index":3}}}"""),
    }.WithVariable("limit", JsonValue.Create(5));

    private static PayloadTemplate Compile(string template)
    {
        Assert.True(PayloadTemplate.TryCompile(JsonNode.Parse(template), out var compiled, out var errors), string.Join("; ", errors));
        Assert.Empty(errors);
        return compiled;
    }

    private static string Evaluate(string template, string input) =>
        CompactJson.Of(Compile(template).Evaluate(JsonNode.Parse(input), Env));

    [Fact]
    public void Evaluate_PathFields_DropDollarSuffixAndKeepOrder() =>
        Assert.Equal(
            """{"flagged":true,"parts":{"first":0,"last3":[30,40,50]},"z":"x"}""",
            Evaluate(
                """{"flagged":true,"parts":{"first.$":"$.vals[0]","last3.$":"$.vals[3:]"},"z":"x"}""",
                """{"flagged":7,"vals":[0,10,20,30,40,50]}"""));

    [Fact]
    public void Evaluate_ContextVariableAndIntrinsic_AreResolved() =>
        Assert.Equal(
            """{"input":{"x":1},"item":"v","index":3,"limit":5,"text":"item v"}""",
            Evaluate(
                """{"input.$":"$$.Execution.Input","item.$":"$$.Map.Item.Value","index.$":"$$.Map.Item.Index","limit.$":"$limit","text.$":"States.Format('item {}', $$.Map.Item.Value)"}""",
                "{}"));

    [Fact]
    public void Evaluate_ObjectsInsideArrays_AreEvaluated() =>
        Assert.Equal(
            """{"list":[1,{"a":"A"},[{"b":"A"}],"c.$"]}""",
            Evaluate("""{"list":[1,{"a.$":"$.a"},[{"b.$":"$.a"}],"c.$"]}""", """{"a":"A"}"""));

    [Fact]
    public void Evaluate_WholeInput_IsCopied()
    {
        var input = JsonNode.Parse("""{"a":{"b":1}}""");
        var result = Compile("""{"all.$":"$"}""").Evaluate(input, Env)!;
        result["all"]!["a"]!["b"] = 2;
        Assert.Equal("""{"a":{"b":1}}""", input!.ToJsonString());
    }

    [Fact]
    public void Evaluate_ConstantTemplate_ReturnsFreshCopies()
    {
        var template = Compile("""{"a":[1,{"b":null}]}""");
        Assert.True(template.IsConstant);
        var first = template.Evaluate(null, Env);
        var second = template.Evaluate(null, Env);
        Assert.NotSame(first, second);
        Assert.Equal("""{"a":[1,{"b":null}]}""", CompactJson.Of(second));
    }

    [Theory]
    [InlineData("\"text\"", "\"text\"")]
    [InlineData("[1,2]", "[1,2]")]
    [InlineData("null", "null")]
    public void Evaluate_NonObjectTemplate_IsCopied(string template, string expected) =>
        Assert.Equal(expected, Evaluate(template, "{}"));

    [Fact]
    public void Evaluate_IndefinitePathWithoutMatches_GivesEmptyArray() =>
        Assert.Equal("""{"ids":[]}""", Evaluate("""{"ids.$":"$.items[*].id"}""", """{"items":[]}"""));

    [Fact]
    public void Evaluate_NullPathValue_GivesNull() =>
        Assert.Equal("""{"v":null}""", Evaluate("""{"v.$":"$.a"}""", """{"a":null}"""));

    [Fact]
    public void Evaluate_MissingPath_FailsWithAwsCause()
    {
        var template = Compile("""{"nested":{"value.$":"$.no_such_jsonpath"}}""");
        var ex = Assert.Throws<AslErrorException>(() => template.Evaluate(JsonNode.Parse("""{"flagged":false, "s":"é<"}"""), Env));
        Assert.Equal(StatesErrorNames.Runtime, ex.Error.Error);
        Assert.Equal("The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"flagged\":false,\"s\":\"é<\"}'", ex.Error.Cause);
    }

    [Fact]
    public void Evaluate_MissingContextPath_FailsWithAwsCause()
    {
        var ex = Assert.Throws<AslErrorException>(() => Compile("""{"value.$":"$$.Execution.Input.no_such_jsonpath"}""").Evaluate(JsonNode.Parse("{}"), Env));
        Assert.Equal("The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{}'", ex.Error.Cause);
    }

    [Fact]
    public void Evaluate_PathOnNullInput_FailsLikeAws()
    {
        var ex = Assert.Throws<AslErrorException>(() => Compile("""{"Input.$":"$"}""").Evaluate(null, Env));
        Assert.Equal(StatesErrorNames.Runtime, ex.Error.Error);
        Assert.Equal("Unable to apply Path transformation to null or empty input.", ex.Error.Cause);
    }

    [Fact]
    public void Evaluate_IntrinsicFailure_Propagates()
    {
        var ex = Assert.Throws<AslErrorException>(() => Compile("""{"v.$":"States.ArrayGetItem($.a, 5)"}""").Evaluate(JsonNode.Parse("""{"a":[]}"""), Env));
        Assert.Equal(StatesErrorNames.Runtime, ex.Error.Error);
    }

    [Fact]
    public void Evaluate_IntrinsicPathMissing_NamesTheField()
    {
        var ex = Assert.Throws<AslErrorException>(() => Compile("""{"v.$":"States.Array($.a)"}""").Evaluate(JsonNode.Parse("{}"), Env));
        Assert.Equal("The JSONPath '$.a' specified for the field 'v.$' could not be found in the input '{}'", ex.Error.Cause);
    }

    [Fact]
    public void TryCompile_MalformedFields_ReportsEveryOneWithPointer()
    {
        var template = JsonNode.Parse("""{"a.$":"$.[","b":{"c.$":"States.Nope()","d.$":5},"e":[{"f.$":"plain"}],"g~/h.$":"$$x y"}""");
        Assert.False(PayloadTemplate.TryCompile(template, out var compiled, out var errors));
        Assert.Null(compiled);
        Assert.Equal(["/a.$", "/b/c.$", "/b/d.$", "/e/0/f.$", "/g~0~1h.$"], errors.Select(e => e.Pointer));
        Assert.StartsWith("The value for the field 'a.$' must be a valid JSONPath or a valid intrinsic function call", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("The value for the field 'd.$' must be a valid JSONPath or a valid intrinsic function call", errors[2].Message);
    }

    [Fact]
    public void TryCompile_SameOutputNameTwice_IsReported()
    {
        Assert.False(PayloadTemplate.TryCompile(JsonNode.Parse("""{"a":1,"a.$":"$.x"}"""), out _, out var errors));
        Assert.Equal("/a.$", Assert.Single(errors).Pointer);
    }
}
