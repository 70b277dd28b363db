namespace AslOnDurable.Jsonata.Tests.Parsing;

public sealed class ParserTests
{
    [Theory]
    [InlineData("1 +", "S0207")]
    [InlineData("(1; 2", "S0203")]
    [InlineData("[1, 2}", "S0202")]
    [InlineData("1 ! 2", "S0204")]
    [InlineData(")", "S0211")]
    [InlineData("function(a){1}", "S0208")]
    [InlineData("1 := 2", "S0212")]
    [InlineData("a.1", "S0213")]
    [InlineData("a@b", "S0214")]
    [InlineData("a[0]@$x", "S0215")]
    [InlineData("%", "S0217")]
    [InlineData("a{'x':1}{'y':2}", "S0210")]
    [InlineData("${'x':1}[0]", "S0209")]
    [InlineData("function($a)<n<n>:n>{1}", "S0401")]
    public void Compile_InvalidSyntax_RaisesParseError(string expression, string code)
    {
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile(expression));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Compile_SyntaxError_ReportsTokenAndMessage()
    {
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("[1, 2}"));
        Assert.Equal("}", error.Token);
        Assert.Equal("Expected \"]\", got \"}\"", error.Message);
    }

    [Theory]
    [InlineData("and.or.in", """{"and":{"or":{"in":7}}}""", "7")]
    [InlineData("λ($x){$x+1}(1)", null, "2")]
    [InlineData("-1.5", null, "-1.5")]
    public void Compile_KeywordsAndLiterals_ParseAsExpected(string expression, string? input, string expected)
    {
        Assert.Equal(expected, ExpressionRunner.Run(expression, input));
    }

    [Fact]
    public void Compile_PathologicalNesting_IsRefusedWithoutCrashing()
    {
        var source = new string('(', 200_000) + "1" + new string(')', 200_000);
        var error = Record.Exception(() => JsonataExpression.Compile(source));
        Assert.True(error is null || (error is JsonataException je && je.Code == "U1001"));
    }
}
