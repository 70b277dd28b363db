using AslOnDurable.Jsonata.Lexing;

namespace AslOnDurable.Jsonata.Tests.Lexing;

public sealed class LexerTests
{
    private static List<Token> All(string source)
    {
        var lexer = new Lexer(source);
        var tokens = new List<Token>();
        while (lexer.Next(false) is { } token)
        {
            tokens.Add(token);
        }

        return tokens;
    }

    [Fact]
    public void Next_MixedExpression_SplitsIntoTypedTokens()
    {
        var tokens = All("$x := `a b`.c[0] ~> $f('s\\n', 1.5e2)");
        Assert.Equal(
            [TokenType.Variable, TokenType.Operator, TokenType.Name, TokenType.Operator, TokenType.Name, TokenType.Operator,
             TokenType.Number, TokenType.Operator, TokenType.Operator, TokenType.Variable, TokenType.Operator, TokenType.String,
             TokenType.Operator, TokenType.Number, TokenType.Operator],
            tokens.Select(t => t.Type));
        Assert.Equal("a b", tokens[2].Text);
        Assert.Equal("s\n", tokens[11].Text);
        Assert.Equal(150d, tokens[13].Literal);
    }

    [Fact]
    public void Next_Comment_IsSkipped()
    {
        Assert.Equal(["a", "+", "b"], All("a /* note */ + b").Select(t => t.Text));
    }

    [Fact]
    public void Next_RegexInPrefixPosition_ReadsPatternAndFlags()
    {
        var token = All("/ab+c/i").Single();
        Assert.Equal(TokenType.Regex, token.Type);
        Assert.Equal("ab+c", token.Text);
        Assert.Equal("i", token.Flags);
    }

    [Theory]
    [InlineData("'open", "S0101")]
    [InlineData("'\\q'", "S0103")]
    [InlineData("'\\u12'", "S0104")]
    [InlineData("`name", "S0105")]
    [InlineData("/* open", "S0106")]
    [InlineData("1e999", "S0102")]
    [InlineData("//", "S0301")]
    [InlineData("/abc", "S0302")]
    public void Next_MalformedInput_RaisesLexicalError(string source, string code)
    {
        Assert.Equal(code, Assert.Throws<JsonataException>(() => All(source)).Code);
    }
}
