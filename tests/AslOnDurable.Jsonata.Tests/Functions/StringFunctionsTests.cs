namespace AslOnDurable.Jsonata.Tests.Functions;

public sealed class StringFunctionsTests
{
    [Theory]
    [InlineData("$string(1/3)", "\"0.333333333333333\"")]
    [InlineData("$string({'a':[1,true,null]})", "\"{\\\"a\\\":[1,true,null]}\"")]
    [InlineData("$substring('hello world', -5, 3)", "\"wor\"")]
    [InlineData("$substring('😀ab', 1)", "\"ab\"")]
    [InlineData("$length('😀ab')", "3")]
    [InlineData("$substringBefore('a-b-c', '-')", "\"a\"")]
    [InlineData("$substringAfter('a-b-c', '-')", "\"b-c\"")]
    [InlineData("$uppercase('abc')", "\"ABC\"")]
    [InlineData("$trim('  a \n\t b  ')", "\"a b\"")]
    [InlineData("$pad('7', -3, '0')", "\"007\"")]
    [InlineData("$pad('ab', 5)", "\"ab   \"")]
    [InlineData("$join(['a','b','c'], '/')", "\"a/b/c\"")]
    [InlineData("$split('a,b,,c', ',')", """["a","b","","c"]""")]
    [InlineData("$split('a1b22c', /[0-9]+/)", """["a","b","c"]""")]
    [InlineData("$contains('abc', /B/i)", "true")]
    [InlineData("$replace('john smith', /(\\w+)\\s(\\w+)/, '$2, $1')", "\"smith, john\"")]
    [InlineData("$match('a1b2', /[a-z]([0-9])/).groups", """["1","2"]""")]
    [InlineData("$base64decode($base64encode('hi there'))", "\"hi there\"")]
    [InlineData("$contains('\u0663', /\\d/)", "false")]
    [InlineData("$replace('price: 10', /(?<=: )\\d+/, 'X')", "\"price: X\"")]
    [InlineData("$encodeUrlComponent('a b&c')", "\"a%20b%26c\"")]
    [InlineData("$decodeUrl('%5Bx%5D')", "\"[x]\"")]
    public void StringFunction_TypicalInput_ReturnsExpected(string expression, string expected)
    {
        Assert.Equal(expected, ExpressionRunner.Run(expression));
    }

    [Theory]
    [InlineData("$string(1/0)", "D3001")]
    [InlineData("$string({'a': 1/0})", "D1001")]
    [InlineData("$replace('abc', '', 'x')", "D3010")]
    [InlineData("$split('abc', 'b', -1)", "D3020")]
    [InlineData("$encodeUrlComponent('\\uD800')", "D3140")]
    [InlineData("$substring('a', 'b')", "T0410")]
    public void StringFunction_InvalidInput_RaisesCode(string expression, string code)
    {
        Assert.Equal(code, ExpressionRunner.Fails(expression).Code);
    }

    [Theory]
    [InlineData("$base64decode('aGVsbG8=')", "\"hello\"")]
    [InlineData("$base64decode('aGVsbG8')", "\"hello\"")]
    [InlineData("$base64decode('aG Vs\\nbG8=ignored')", "\"hello\"")]
    [InlineData("$base64decode('ye7-g2hv')", "\"\u00c9\u00ee\u00fe\u0083ho\"")]
    [InlineData("$base64decode('!!')", "\"\"")]
    public void Base64Decode_AnyText_DecodesLikeNodeNeverFails(string expression, string expected)
    {
        // Regression (fuzzing, issue 14): text outside the alphabet threw FormatException out of the evaluator.
        Assert.Equal(expected, ExpressionRunner.Run(expression));
    }
}
