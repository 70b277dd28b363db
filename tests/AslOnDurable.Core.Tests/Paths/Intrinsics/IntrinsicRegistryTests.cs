using AslOnDurable.Core.Paths.Intrinsics;

namespace AslOnDurable.Core.Tests.Paths.Intrinsics;

public class IntrinsicRegistryTests
{
    [Fact]
    public void Default_ListsEveryAwsIntrinsic()
    {
        string[] expected =
        [
            "States.Array", "States.ArrayContains", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayPartition",
            "States.ArrayRange", "States.ArrayUnique", "States.Base64Decode", "States.Base64Encode", "States.Format",
            "States.Hash", "States.JsonMerge", "States.JsonToString", "States.MathAdd", "States.MathRandom",
            "States.StringSplit", "States.StringToJson", "States.UUID",
        ];
        Assert.Equal(expected, IntrinsicRegistry.Default.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TryGet_WrongCase_IsNotFound() => Assert.False(IntrinsicRegistry.Default.TryGet("States.format", out _));
}
