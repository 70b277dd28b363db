using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Tests.Paths;

public class PathOrIntrinsicExpressionTests
{
    private static readonly FakeEvaluationEnvironment Env = new();

    [Fact]
    public void Evaluate_ReferencePath_ReturnsCopy()
    {
        Assert.True(PathOrIntrinsicExpression.TryParse("$.error", null, out var expression, out var error), error);
        Assert.False(expression.IsIntrinsic);
        Assert.Equal("\"boom\"", CompactJson.Of(expression.Evaluate(JsonNode.Parse("""{"error":"boom"}"""), Env, "ErrorPath")));
    }

    [Fact]
    public void Evaluate_Intrinsic_ReturnsItsResult()
    {
        Assert.True(PathOrIntrinsicExpression.TryParse("States.Format('cause: {}', $.c)", PathOrIntrinsicExpression.FailStateFunctions, out var expression, out var error), error);
        Assert.True(expression.IsIntrinsic);
        Assert.Equal("\"cause: x\"", CompactJson.Of(expression.Evaluate(JsonNode.Parse("""{"c":"x"}"""), Env, "CausePath")));
    }

    [Fact]
    public void Evaluate_MissingPath_FailsWithAwsCause()
    {
        Assert.True(PathOrIntrinsicExpression.TryParse("$.ErrorX", null, out var expression, out _));
        var ex = Assert.Throws<AslErrorException>(() => expression.Evaluate(JsonNode.Parse("""{"a":1}"""), Env, "ErrorPath"));
        Assert.Equal(StatesErrorNames.Runtime, ex.Error.Error);
        Assert.Equal("The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '{\"a\":1}'", ex.Error.Cause);
    }

    [Theory]
    [InlineData("$.a[*]")]
    [InlineData("$.")]
    [InlineData("States.Nope()")]
    [InlineData("States.ArrayLength($.a)")]
    public void TryParse_InvalidForFailState_ReportsError(string text)
    {
        Assert.False(PathOrIntrinsicExpression.TryParse(text, PathOrIntrinsicExpression.FailStateFunctions, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TryParse_AnyFunctionWhenUnrestricted_Succeeds() =>
        Assert.True(PathOrIntrinsicExpression.TryParse("States.ArrayLength($.a)", null, out _, out _));
}
