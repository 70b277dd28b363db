namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Hash;

public class HashFunctionTests
{
    [Theory]
    [InlineData("MD5", "812f45842bc6d66ee14572ce20db8e86")]
    [InlineData("SHA-1", "aaff4a450a104cd177d28d18d74485e8cae074b7")]
    [InlineData("SHA-256", "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")]
    [InlineData("SHA-384", "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562")]
    [InlineData("SHA-512", "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4")]
    public void Hash_Algorithm_ReturnsLowercaseHexDigest(string algorithm, string expected) =>
        IntrinsicAssert.Returns($"\"{expected}\"", "States.Hash($.d, $.a)", $$"""{"d":"input data","a":"{{algorithm}}"}""");

    [Fact]
    public void Hash_LongInput_IsAccepted()
    {
        var data = new string('x', 20_000);
        Assert.Equal(66, IntrinsicAssert.Evaluate("States.Hash($.d, 'SHA-256')", $$"""{"d":"{{data}}"}""").Length);
    }

    [Fact]
    public void Hash_UnknownLiteralAlgorithm_FailsWithRuntime() =>
        Assert.Equal(
            "Invalid arguments in States.Hash: the algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, but was \"sha256\"",
            IntrinsicAssert.Fails("States.Hash($.d, 'sha256')", """{"d":"x"}""").Cause);

    [Fact]
    public void Hash_NonStringLiteralAlgorithm_IsRejectedAtParse() => IntrinsicAssert.Rejected("States.Hash($.d, 256)");

    [Fact]
    public void Hash_UnknownAlgorithmFromPath_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.Hash($.d, $.a)", """{"d":"x","a":"SHA-999"}""");

    [Fact]
    public void Hash_NonStringData_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.Hash($.d, 'MD5')", """{"d":{"a":1}}""");
}
