using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths;
using Moq;

namespace AslOnDurable.Core.Tests.Engine.Lifecycle;

public sealed class JsonataTemplateTests
{
    private static readonly IEvaluationEnvironment Environment = new Mock<IEvaluationEnvironment>().Object;

    [Theory]
    [InlineData("{% $x %}", true, "$x")]
    [InlineData("{%$x%}", true, "$x")]
    [InlineData(" {% $x %}", false, "")]
    [InlineData("{% $x %} ", false, "")]
    [InlineData("$x", false, "")]
    public void TryGetExpression_OnlyWholeDelimitedStrings_AreExpressions(string text, bool expected, string expression)
    {
        Assert.Equal(expected, JsonataTemplate.TryGetExpression(text, out var found));
        Assert.Equal(expression, found);
    }

    [Fact]
    public void Evaluate_ObjectWithExpressionsAndLiterals_EvaluatesOnlyExpressions()
    {
        var template = JsonataTemplate.Compile(
            JsonNode.Parse("""{"sum":"{% 1 + 2 %}","literal":" {% no %} ","list":[1,"{% 'a' & 'b' %}"]}"""),
            new JsonataLibraryEvaluator(),
            "Output");

        var value = template.Evaluate(new JsonObject(), Environment);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"sum":3,"literal":" {% no %} ","list":[1,"ab"]}"""), value));
    }

    [Fact]
    public void Evaluate_UndefinedResult_FailsNamingTheNestedField()
    {
        var template = JsonataTemplate.Compile(JsonNode.Parse("""{"result":"{% $nothing %}"}"""), new JsonataLibraryEvaluator(), "Output");

        var error = Assert.Throws<AslErrorException>(() => template.Evaluate(new JsonObject(), Environment));

        Assert.Equal(StatesErrorNames.QueryEvaluationError, error.Error.Error);
        Assert.Equal("The JSONata expression '$nothing' specified for the field 'Output/result' returned nothing (undefined).", error.Error.Cause);
    }

    [Fact]
    public void Evaluate_NoEvaluator_FailsWithQueryEvaluationError()
    {
        var template = JsonataTemplate.Compile(JsonValue.Create("{% 1 %}"), null, "Output");

        Assert.Throws<AslErrorException>(() => template.Evaluate(new JsonObject(), Environment));
    }

    [Fact]
    public void EvaluateAssign_PlainJsonExpression_IsHeldAsAValueMeasuredLikeItsNode()
    {
        var template = JsonataTemplate.Compile(
            JsonNode.Parse("""{"data":"{% {'name': 'Zoë \"q\"', 'tab': 'a\tb', 'n': [1.5, -0.25, 1e21, 1.5e-7, 3], 'ok': true, 'none': null, 'emoji': '😀'} %}","nested":{"x":"{% 1 + 1 %}"}}"""),
            new JsonataLibraryEvaluator(),
            "Assign");

        var variables = template.EvaluateAssign(new JsonObject(), Environment)!;

        var data = variables[0];
        Assert.Equal("data", data.Name);
        Assert.NotNull(data.Held);
        Assert.Equal(PayloadSizeGuard.Size(data.Value), data.Size);
        Assert.Same(data.Value, data.Value); // built once
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"name":"Zoë \"q\"","tab":"a\tb","n":[1.5,-0.25,1e21,1.5e-7,3],"ok":true,"none":null,"emoji":"😀"}"""), data.Value));
        Assert.Null(variables[1].Held); // not one expression: a node, measured when prepared
        Assert.Equal(-1, variables[1].Size);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"x":2}"""), variables[1].Value));
    }

    [Theory]
    [InlineData("{% [1, 2][5] %}", "returned nothing (undefined).")]
    [InlineData("{% function($x) { $x } %}", "returned an unsupported result type.")]
    [InlineData("{% {'a': $split('\uD83D\uDE00', '')[0]} %}", "lone UTF-16 surrogate at '/a'")]
    public void EvaluateAssign_BadValue_FailsLikeOutputNamingTheField(string expression, string cause)
    {
        var template = JsonataTemplate.Compile(new JsonObject { ["v"] = expression }, new JsonataLibraryEvaluator(), "Assign");

        var error = Assert.Throws<AslErrorException>(() => template.EvaluateAssign(new JsonObject(), Environment));

        Assert.Equal(StatesErrorNames.QueryEvaluationError, error.Error.Error);
        Assert.Contains("specified for the field 'Assign/v'", error.Error.Cause, StringComparison.Ordinal);
        Assert.Contains(cause, error.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"sum":"{% 1 + 2 %}","literal":" {% no %} ","list":[1,"{% 'a' & 'b' %}",null],"obj":{"n":"{% -0 %}"}}""")]
    [InlineData("\"{% [1, 2, 3][$ > 1] %}\"")]
    [InlineData("\"{% $append([1], [2])[] %}\"")]
    [InlineData("\"{% {'a': [[1]], 'b': 1e300 * 10 > 0 ? 1 : 0, 'c': 12345678901234567} %}\"")]
    [InlineData("\"{% null %}\"")]
    public void EvaluateValue_IsTheValueOfTheNodeEvaluateBuilds(string template)
    {
        var compiled = JsonataTemplate.Compile(JsonNode.Parse(template), new JsonataLibraryEvaluator(), "Output");

        var node = compiled.Evaluate(new JsonObject(), Environment);
        var value = compiled.EvaluateValue(new JsonObject(), Environment);

        Assert.True(value.IsPlainJson);
        Assert.Equal(AslOnDurable.Jsonata.JsonataValue.FromNode(node), value);
        Assert.True(JsonNode.DeepEquals(node, value.Node));
        Assert.True(value.TryMeasurePlainJson(out var size, out _));
        Assert.Equal(PayloadSizeGuard.Size(node), size);
    }

    [Theory]
    [InlineData("{% [1, 2][5] %}", "returned nothing (undefined).")]
    [InlineData("{% function($x) { $x } %}", "returned an unsupported result type.")]
    [InlineData("{% {'a': $split('\uD83D\uDE00', '')[0]} %}", "lone UTF-16 surrogate at '/a'")]
    public void EvaluateValue_BadValue_FailsLikeEvaluate(string expression, string cause)
    {
        var template = JsonataTemplate.Compile(new JsonObject { ["v"] = expression }, new JsonataLibraryEvaluator(), "Output");

        var error = Assert.Throws<AslErrorException>(() => template.EvaluateValue(new JsonObject(), Environment));
        var expected = Assert.Throws<AslErrorException>(() => template.Evaluate(new JsonObject(), Environment));

        Assert.Equal(expected.Error, error.Error);
        Assert.Contains("specified for the field 'Output/v'", error.Error.Cause, StringComparison.Ordinal);
        Assert.Contains(cause, error.Error.Cause, StringComparison.Ordinal);
    }
}
