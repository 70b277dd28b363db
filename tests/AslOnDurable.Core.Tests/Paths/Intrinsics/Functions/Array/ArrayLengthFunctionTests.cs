namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Array;

public class ArrayLengthFunctionTests
{
    [Theory]
    [InlineData("[]", "0")]
    [InlineData("[1,2,3,4,5,6,7,8,9]", "9")]
    [InlineData("[null,null,[],{}]", "4")]
    public void ArrayLength_Array_ReturnsCount(string array, string expected) =>
        IntrinsicAssert.Returns(expected, "States.ArrayLength($.a)", $$"""{"a":{{array}}}""");

    [Fact]
    public void ArrayLength_NotAnArray_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.ArrayLength($.a)", """{"a":"abc"}""");
}
