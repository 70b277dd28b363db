namespace AslOnDurable.Jsonata.Tests.Functions;

public sealed class ObjectFunctionsTests
{
    [Theory]
    [InlineData("$keys({'a':1,'b':2})", """["a","b"]""")]
    [InlineData("$lookup({'a':1}, 'a')", "1")]
    [InlineData("$merge([{'a':1},{'b':2},{'a':3}])", """{"a":3,"b":2}""")]
    [InlineData("$spread({'a':1,'b':2})", """[{"a":1},{"b":2}]""")]
    [InlineData("$type(null)", "\"null\"")]
    [InlineData("$type($type)", "\"function\"")]
    [InlineData("$exists(nothing)", "false")]
    [InlineData("$distinct([1,2,1,[1],[1]])", "[1,2,[1]]")]
    [InlineData("$append([1], 2)", "[1,2]")]
    [InlineData("$reverse([1,2,3])", "[3,2,1]")]
    [InlineData("$zip([1,2],[3,4,5])", "[[1,3],[2,4]]")]
    [InlineData("$boolean([0, ''])", "false")]
    [InlineData("$not('x')", "false")]
    public void ObjectFunction_TypicalInput_ReturnsExpected(string expression, string expected)
    {
        Assert.Equal(expected, ExpressionRunner.Run(expression));
    }

    [Fact]
    public void Error_WithMessage_RaisesD3137WithThatMessage()
    {
        var error = ExpressionRunner.Fails("$error('boom')");
        Assert.Equal("D3137", error.Code);
        Assert.Equal("boom", error.Message);
    }

    [Fact]
    public void Assert_FalseCondition_RaisesD3141()
    {
        Assert.Equal("D3141", ExpressionRunner.Fails("$assert(1 = 2, 'bad')").Code);
    }

    [Theory]
    [InlineData("$lookup({'a': 1}, $nothing)")]
    [InlineData("$formatNumber(12, $nothing)")]
    [InlineData("$formatInteger(12, $nothing)")]
    [InlineData("'12' ~> $parseInteger($nothing)")]
    public void UndefinedKeyOrPicture_IsUndefinedNotACrash(string expression)
    {
        // Regression (fuzzing, issue 14): these threw NullReferenceException / ArgumentNullException.
        var result = JsonataExpression.Compile(expression).Evaluate(JsonataValue.Undefined);

        Assert.True(result.IsUndefined);
    }
}
