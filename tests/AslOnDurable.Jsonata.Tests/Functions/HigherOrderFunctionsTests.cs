namespace AslOnDurable.Jsonata.Tests.Functions;

public sealed class HigherOrderFunctionsTests
{
    [Theory]
    [InlineData("$map([1,2,3], function($v, $i){$v * $i})", "[0,2,6]")]
    [InlineData("$filter([1,2,3,4], function($v){$v % 2 = 0})", "[2,4]")]
    [InlineData("$reduce([1,2,3,4], function($a, $b){$a + $b})", "10")]
    [InlineData("$reduce([1,2,3], function($a, $b){$a + $b}, 10)", "16")]
    [InlineData("$single([1,2,3], function($v){$v = 2})", "2")]
    [InlineData("$each({'a':1,'b':2}, function($v, $k){$k & $v})", """["a1","b2"]""")]
    [InlineData("$sift({'a':1,'b':2}, function($v){$v > 1})", """{"b":2}""")]
    [InlineData("$sort([3,1,2])", "[1,2,3]")]
    [InlineData("$sort(['b','a'], function($l, $r){$l < $r})", """["b","a"]""")]
    [InlineData("$map(['a','b'], $uppercase)", """["A","B"]""")]
    public void HigherOrderFunction_WithLambda_ReturnsExpected(string expression, string expected)
    {
        Assert.Equal(expected, ExpressionRunner.Run(expression));
    }

    [Theory]
    [InlineData("$single([1,1], function($v){$v = 1})", "D3138")]
    [InlineData("$single([1], function($v){$v = 2})", "D3139")]
    [InlineData("$reduce([1,2], function($a){$a})", "D3050")]
    [InlineData("$sort([{}, {}])", "D3070")]
    public void HigherOrderFunction_InvalidUse_RaisesCode(string expression, string code)
    {
        Assert.Equal(code, ExpressionRunner.Fails(expression).Code);
    }
}
