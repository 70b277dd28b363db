namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Array;

public class ArrayGetItemFunctionTests
{
    [Theory]
    [InlineData(5, "6")]
    [InlineData(0, "1")]
    [InlineData(8, "9")]
    public void ArrayGetItem_ValidIndex_ReturnsElement(int index, string expected) =>
        IntrinsicAssert.Returns(expected, "States.ArrayGetItem($.a, $.i)", $$"""{"a":[1,2,3,4,5,6,7,8,9],"i":{{index}}}""");

    [Fact]
    public void ArrayGetItem_ObjectElement_ReturnsCopy() =>
        IntrinsicAssert.Returns("""{"k":[1]}""", "States.ArrayGetItem($.a, 1)", """{"a":[0,{"k":[1]}]}""");

    [Theory]
    [InlineData("9", "the index 9 is out of bounds for an array of length 9")]
    [InlineData("-1", "the index -1 is out of bounds for an array of length 9")]
    [InlineData("1.5", "argument 2 must be an integer, but was number 1.5")]
    public void ArrayGetItem_InvalidIndex_FailsWithRuntime(string index, string detail)
    {
        var error = IntrinsicAssert.Fails("States.ArrayGetItem($.a, $.i)", $$"""{"a":[1,2,3,4,5,6,7,8,9],"i":{{index}}}""");
        Assert.Equal("Invalid arguments in States.ArrayGetItem: " + detail, error.Cause);
    }
}
