namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Array;

public class ArrayPartitionFunctionTests
{
    [Theory]
    [InlineData("[]", 1, "[]")]
    [InlineData("[]", 5, "[]")]
    [InlineData("[0]", 3, "[[0]]")]
    [InlineData("[0,1,2]", 1, "[[0],[1],[2]]")]
    [InlineData("[0,1,2]", 2, "[[0,1],[2]]")]
    [InlineData("[0,1,2,3]", 2, "[[0,1],[2,3]]")]
    [InlineData("[0,1,2,3]", 3, "[[0,1,2],[3]]")]
    [InlineData("[0,1,2,3]", 9, "[[0,1,2,3]]")]
    public void ArrayPartition_ChunkSize_SplitsWithShorterLastChunk(string array, int size, string expected) =>
        IntrinsicAssert.Returns(expected, "States.ArrayPartition($.a, $.n)", $$"""{"a":{{array}},"n":{{size}}}""");

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("\"2\"")]
    public void ArrayPartition_InvalidChunkSize_FailsWithRuntime(string size)
    {
        var error = IntrinsicAssert.Fails("States.ArrayPartition($.a, $.n)", $$"""{"a":[1],"n":{{size}}}""");
        Assert.StartsWith("Invalid arguments in States.ArrayPartition: ", error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrayPartition_NotAnArray_FailsWithRuntime()
    {
        var error = IntrinsicAssert.Fails("States.ArrayPartition($.a, 2)", """{"a":"abc"}""");
        Assert.Equal("Invalid arguments in States.ArrayPartition: argument 1 must be an array, but was string \"abc\"", error.Cause);
    }

    [Fact]
    public void ArrayPartition_OneArgument_IsRejectedAtParse() =>
        Assert.Contains("takes 2 argument(s) but was given 1", IntrinsicAssert.Rejected("States.ArrayPartition($.a)"), StringComparison.Ordinal);
}
