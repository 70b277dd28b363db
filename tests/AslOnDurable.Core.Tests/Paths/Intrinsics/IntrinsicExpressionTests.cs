using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths.Intrinsics;

namespace AslOnDurable.Core.Tests.Paths.Intrinsics;

public class IntrinsicExpressionTests
{
    [Theory]
    [InlineData("States.Array()")]
    [InlineData("  States.Array( $.a ,  'x' )  ")]
    [InlineData("States.Format('{}', $$.Execution.Name)")]
    [InlineData("States.Array($var, $var.a[0], $['a b'], $.list[?(@.x == 'a,b')])")]
    [InlineData("States.Array(1, -1, 1.5, 2e3, true, false, null)")]
    [InlineData("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))")]
    public void TryParse_ValidCall_Succeeds(string text)
    {
        Assert.True(IntrinsicExpression.TryParse(text, out var expression, out var error), error);
        Assert.Equal(text, expression.Text);
    }

    [Theory]
    [InlineData("States.Nope()", "'States.Nope' is not an intrinsic function")]
    [InlineData("states.Array()", "must start with 'States.'")]
    [InlineData("States.Array", "expected '('")]
    [InlineData("States.Array(", "an argument is missing")]
    [InlineData("States.Array($.a", "is not closed")]
    [InlineData("States.Array('abc)", "a string literal is not closed")]
    [InlineData("States.Array(1 2)", "expected ',' or ')'")]
    [InlineData("States.Array() x", "after the call")]
    [InlineData("States.Array($.)", "not valid")]
    [InlineData("States.Array(abc)", "where an argument was expected")]
    [InlineData("States.Array(1.2.3)", "is not a valid number")]
    [InlineData("States.UUID(1)", "takes 0 argument(s) but was given 1")]
    [InlineData("States.MathRandom(1)", "takes 2 to 3 arguments but was given 1")]
    public void TryParse_MalformedCall_ReportsWhy(string text, string fragment)
    {
        Assert.False(IntrinsicExpression.TryParse(text, out _, out var error));
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TenCalls_IsAccepted()
    {
        var text = "States.Array(" + string.Join(", ", Enumerable.Repeat("States.UUID()", 9)) + ")";
        Assert.True(IntrinsicExpression.TryParse(text, out _, out var error), error);
    }

    [Fact]
    public void TryParse_ElevenCalls_IsRejected()
    {
        var text = "States.Array(" + string.Join(", ", Enumerable.Repeat("States.UUID()", 10)) + ")";
        Assert.False(IntrinsicExpression.TryParse(text, out _, out var error));
        Assert.Contains("at most 10 intrinsic functions", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedCall_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => IntrinsicExpression.Parse("States.Nope()"));

    [Fact]
    public void StringLiteral_Escapes_AreUnescaped() =>
        IntrinsicAssert.Returns("""["it's","{}","a\\b"]""", @"States.Array('it\'s', '\{\}', 'a\\b')");

    [Fact]
    public void StringLiteral_OpenEscape_ParsesButFailsAtRuntime()
    {
        var error = IntrinsicAssert.Fails(@"States.Array('a\nb')");
        Assert.Equal(@"The string literal 'a\nb' contains an open escape backslash: only \', \{, \} and \\ are allowed.", error.Cause);
    }

    [Fact]
    public void Evaluate_NestedCalls_ComposeResults()
    {
        var env = new FakeEvaluationEnvironment { ContextObject = JsonNode.Parse("""{"StateMachine":{"Name":"pre-mid-last"}}""") };
        IntrinsicAssert.Returns("\"last\"", "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))", "{}", env);
        IntrinsicAssert.Returns("\"pre\"", "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)", "{}", env);
    }

    [Fact]
    public void Evaluate_VariableArgument_ReadsVariable()
    {
        var env = new FakeEvaluationEnvironment().WithVariable("items", JsonNode.Parse("[1,2,3]"));
        IntrinsicAssert.Returns("3", "States.ArrayLength($items)", "{}", env);
    }

    [Fact]
    public void Evaluate_IndefinitePathArgument_PassesArrayOfMatches() =>
        IntrinsicAssert.Returns("2", "States.ArrayLength($.a[?(@.ok)])", """{"a":[{"ok":true},{"no":1},{"ok":false}]}""");

    [Fact]
    public void Evaluate_MissingPathForField_FailsWithAwsCause()
    {
        Assert.True(IntrinsicExpression.TryParse("States.Format('{}', $.missing)", out var expression, out _));
        var ex = Assert.Throws<AslErrorException>(() => expression.Evaluate(JsonNode.Parse("""{"a":"x"}"""), new FakeEvaluationEnvironment(), "greeting.$"));
        Assert.Equal(StatesErrorNames.Runtime, ex.Error.Error);
        Assert.Equal("The JSONPath '$.missing' specified for the field 'greeting.$' could not be found in the input '{\"a\":\"x\"}'", ex.Error.Cause);
    }

    [Fact]
    public void Evaluate_InputPathOnNullInput_FailsLikeAws() =>
        Assert.Equal("Unable to apply Path transformation to null or empty input.", IntrinsicAssert.Fails("States.Array($.a)", "null").Cause);

    [Fact]
    public void Evaluate_ContextPathOnNullInput_Works()
    {
        var env = new FakeEvaluationEnvironment { ContextObject = JsonNode.Parse("""{"Execution":{"Name":"n"}}""") };
        IntrinsicAssert.Returns("[\"n\"]", "States.Array($$.Execution.Name)", "null", env);
    }

    [Fact]
    public void Evaluate_ResultIsDetachedFromInput()
    {
        var input = JsonNode.Parse("""{"a":{"b":1}}""");
        Assert.True(IntrinsicExpression.TryParse("States.Array($.a)", out var expression, out _));
        var result = expression.Evaluate(input, new FakeEvaluationEnvironment())!.AsArray();
        result[0]!["b"] = 2;
        Assert.Equal("""{"a":{"b":1}}""", input!.ToJsonString());
    }

    [Theory]
    [InlineData("States.Format('x')", true)]
    [InlineData("  States.Foo", true)]
    [InlineData("$.a", false)]
    [InlineData(null, false)]
    public void LooksLikeIntrinsic_Text_DetectsStatesPrefix(string? text, bool expected) =>
        Assert.Equal(expected, IntrinsicExpression.LooksLikeIntrinsic(text));

    [Fact]
    public void FunctionName_NestedCall_IsOutermost()
    {
        Assert.True(IntrinsicExpression.TryParse("States.Format('{}', States.UUID())", out var expression, out _));
        Assert.Equal("States.Format", expression.FunctionName);
    }
}
