using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Tests.Errors;

public sealed class ErrorMatcherTests
{
    [Theory]
    [InlineData("Custom.Error")]
    [InlineData(StatesErrorNames.TaskFailed)]
    [InlineData(StatesErrorNames.Timeout)]
    [InlineData(StatesErrorNames.DataLimitExceeded)]
    public void Matches_StatesAll_MatchesAnyErrorButRuntime(string error)
    {
        Assert.True(ErrorMatcher.Matches(StatesErrorNames.All, error));
    }

    [Fact]
    public void Matches_StatesAll_DoesNotMatchStatesRuntime()
    {
        Assert.False(ErrorMatcher.Matches(StatesErrorNames.All, StatesErrorNames.Runtime));
    }

    [Fact]
    public void Matches_TaskFailed_MatchesOtherErrorsButNotTimeout()
    {
        Assert.True(ErrorMatcher.Matches(StatesErrorNames.TaskFailed, "Lambda.ServiceException"));
        Assert.False(ErrorMatcher.Matches(StatesErrorNames.TaskFailed, StatesErrorNames.Timeout));
        Assert.False(ErrorMatcher.Matches(StatesErrorNames.TaskFailed, StatesErrorNames.Runtime));
    }

    [Fact]
    public void Matches_ExactName_IsCaseSensitive()
    {
        Assert.True(ErrorMatcher.Matches("MyError", "MyError"));
        Assert.False(ErrorMatcher.Matches("MyError", "myerror"));
    }

    [Fact]
    public void MatchesAny_SecondEntryMatches_ReturnsTrue()
    {
        Assert.True(ErrorMatcher.MatchesAny(["A", "B"], "B"));
        Assert.False(ErrorMatcher.MatchesAny(["A", "B"], "C"));
    }
}
