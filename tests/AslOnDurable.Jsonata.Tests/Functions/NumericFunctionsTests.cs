namespace AslOnDurable.Jsonata.Tests.Functions;

public sealed class NumericFunctionsTests
{
    [Theory]
    [InlineData("$number('0x1F')", "31")]
    [InlineData("$number('-12.5e1')", "-125")]
    [InlineData("$number(true)", "1")]
    [InlineData("$round(2.5)", "2")]
    [InlineData("$round(3.5)", "4")]
    [InlineData("$round(1.005, 2)", "1")]
    [InlineData("$round(12345, -2)", "12300")]
    [InlineData("$abs(-3)", "3")]
    [InlineData("$floor(-1.5)", "-2")]
    [InlineData("$ceil(1.2)", "2")]
    [InlineData("$power(2, 10)", "1024")]
    [InlineData("$sqrt(16)", "4")]
    [InlineData("$max([3,9,2])", "9")]
    [InlineData("$average([1,2,3,4])", "2.5")]
    [InlineData("$count([])", "0")]
    [InlineData("$formatBase(255, 16)", "\"ff\"")]
    public void NumericFunction_TypicalInput_ReturnsExpected(string expression, string expected)
    {
        Assert.Equal(expected, ExpressionRunner.Run(expression));
    }

    [Theory]
    [InlineData("$number('abc')", "D3030")]
    [InlineData("$sqrt(-1)", "D3060")]
    [InlineData("$power(10, 400)", "D3061")]
    [InlineData("$sum(['a'])", "T0412")]
    public void NumericFunction_InvalidInput_RaisesCode(string expression, string code)
    {
        Assert.Equal(code, ExpressionRunner.Fails(expression).Code);
    }
}
