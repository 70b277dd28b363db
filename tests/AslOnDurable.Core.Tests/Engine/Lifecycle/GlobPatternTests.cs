using AslOnDurable.Core.Engine.Lifecycle;

namespace AslOnDurable.Core.Tests.Engine.Lifecycle;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("log-*.txt", "log-1.txt", true)]
    [InlineData("log-*.txt", "log-.txt", true)]
    [InlineData("log-*.txt", "log-1.txt.bak", false)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "acb", false)]
    [InlineData(@"star\*", "star*", true)]
    [InlineData(@"star\*", "starx", false)]
    [InlineData("exact", "exact", true)]
    [InlineData("item-*0", "item-10", true)]
    public void IsMatch_Pattern_MatchesAwsGlobRules(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, GlobPattern.Compile(pattern).IsMatch(text));
    }
}
