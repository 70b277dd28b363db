namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Array;

public class ArrayFunctionTests
{
    [Fact]
    public void Array_NoArguments_ReturnsEmptyArray() => IntrinsicAssert.Returns("[]", "States.Array()");

    [Theory]
    [InlineData("""{"a":"","b":""}""", """["",""]""")]
    [InlineData("""{"a":null,"b":null}""", "[null,null]")]
    [InlineData("""{"a":1,"b":1.1}""", "[1,1.1]")]
    [InlineData("""{"a":{"x":1,"y":[]},"b":[true]}""", """[{"x":1,"y":[]},[true]]""")]
    public void Array_PathArguments_KeepsValuesInOrder(string input, string expected) =>
        IntrinsicAssert.Returns(expected, "States.Array($.a, $.b)", input);

    [Fact]
    public void Array_Literals_ReturnsTheirValues() =>
        IntrinsicAssert.Returns("""["x",-2.5,true,false,null]""", "States.Array('x', -2.5, true, false, null)");

    [Fact]
    public void Array_SameLiteralTwice_EvaluatesRepeatedly()
    {
        Assert.True(AslOnDurable.Core.Paths.Intrinsics.IntrinsicExpression.TryParse("States.Array('a')", out var expression, out _));
        var env = new FakeEvaluationEnvironment();
        var first = expression.Evaluate(null, env);
        var second = expression.Evaluate(null, env);
        Assert.NotSame(first, second);
        Assert.Equal("""["a"]""", second!.ToJsonString());
    }
}
