using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Math;

public class MathRandomFunctionTests
{
    [Theory]
    [InlineData(0.0, "1")]
    [InlineData(0.5, "500")]
    [InlineData(0.999999999, "998")]
    public void MathRandom_Unseeded_ScalesHostRandomIntoRange(double random, string expected) =>
        IntrinsicAssert.Returns(expected, "States.MathRandom(1, 999)", "{}", new FakeEvaluationEnvironment().WithRandom(random));

    [Fact]
    public void MathRandom_Seeded_IsDeterministicAndInRange()
    {
        var first = IntrinsicAssert.Evaluate("States.MathRandom($.s, $.e, $.seed)", """{"s":0,"e":999,"seed":3}""");
        var second = IntrinsicAssert.Evaluate("States.MathRandom($.s, $.e, $.seed)", """{"s":0,"e":999,"seed":3}""");
        Assert.Equal(first, second);
        var value = JsonNode.Parse(first)!.GetValue<long>();
        Assert.InRange(value, 0, 998);
    }

    [Fact]
    public void MathRandom_Seeded_MatchesJavaUtilRandom() =>
        // new java.util.Random(42).nextInt(100) == 30 and new java.util.Random(7).nextInt(10) == 6.
        Assert.Equal(("30", "6"), (IntrinsicAssert.Evaluate("States.MathRandom(0, 100, 42)"), IntrinsicAssert.Evaluate("States.MathRandom(0, 10, 7)")));

    [Fact]
    public void MathRandom_NonIntegerBounds_AreRounded() =>
        IntrinsicAssert.Returns("13", "States.MathRandom(12.5, 44.51)", "{}", new FakeEvaluationEnvironment().WithRandom(0));

    [Theory]
    [InlineData("States.MathRandom(5, 5)")]
    [InlineData("States.MathRandom(10, 1)")]
    [InlineData("States.MathRandom('a', 1)")]
    public void MathRandom_InvalidRange_FailsWithRuntime(string call) =>
        IntrinsicAssert.Fails(call, "{}", new FakeEvaluationEnvironment().WithRandom(0));

    [Fact]
    public void MathRandom_FourArguments_IsRejectedAtParse() => IntrinsicAssert.Rejected("States.MathRandom(1, 2, 3, 4)");
}
