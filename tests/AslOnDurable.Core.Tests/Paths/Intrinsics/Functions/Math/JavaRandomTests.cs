using AslOnDurable.Core.Paths.Intrinsics.Functions.Math;

namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Math;

public class JavaRandomTests
{
    [Fact]
    public void NextDouble_Seed42_MatchesJava() =>
        Assert.Equal(0.7275636800328681, new JavaRandom(42).NextDouble());

    [Fact]
    public void NextInt_Seed42_MatchesJavaSequence()
    {
        var random = new JavaRandom(42);
        Assert.Equal(new[] { 30, 63, 48, 84, 70 }, new[] { random.NextInt(100), random.NextInt(100), random.NextInt(100), random.NextInt(100), random.NextInt(100) });
    }

    [Fact]
    public void NextInt_Seed42Bound10_IsZeroLikeJava() => Assert.Equal(0, new JavaRandom(42).NextInt(10));

    [Fact]
    public void NextInt_PowerOfTwoBound_UsesHighBits() =>
        Assert.InRange(new JavaRandom(1).NextInt(16), 0, 15);
}
