namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Array;

public class ArrayContainsFunctionTests
{
    [Theory]
    [InlineData("[]", "null", "false")]
    [InlineData("[]", "[]", "false")]
    [InlineData("[]", "1", "false")]
    [InlineData("[[1,2,3],2]", "null", "false")]
    [InlineData("[[1,2,3],2]", "2", "true")]
    [InlineData("[[1,2,3],2]", "[1,2,3]", "true")]
    [InlineData("""[{"1":2,"2":[]}]""", """{"1":2,"2":[]}""", "true")]
    [InlineData("[true,false]", "false", "true")]
    [InlineData("[\"a\",\"b\"]", "\"c\"", "false")]
    [InlineData("[null]", "null", "true")]
    public void ArrayContains_Value_ComparesDeeply(string array, string value, string expected) =>
        IntrinsicAssert.Returns(expected, "States.ArrayContains($.a, $.v)", $$"""{"a":{{array}},"v":{{value}}}""");

    [Fact]
    public void ArrayContains_NotAnArray_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.ArrayContains($.a, 1)", """{"a":{}}""");
}
