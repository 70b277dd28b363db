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
}
