using AslOnDurable.Core.Engine.Lifecycle;

namespace AslOnDurable.Core.Tests.Engine.Lifecycle;

public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2016-03-14T01:59:00Z", true)]
    [InlineData("2016-03-14T01:59:00.123456Z", true)]
    [InlineData("2016-03-14T01:59:00+02:00", true)]
    [InlineData("2016-03-14T01:59:00", false)]
    [InlineData("2016-03-14 01:59:00Z", false)]
    [InlineData("2016-13-14T01:59:00Z", false)]
    [InlineData("2016-03-14T25:59:00Z", false)]
    public void TryParse_Text_AcceptsOnlyRfc3339WithOffset(string text, bool expected)
    {
        Assert.Equal(expected, Rfc3339.TryParse(text, out _));
    }

    [Fact]
    public void Format_AnyOffset_IsUtcWithMilliseconds()
    {
        Assert.Equal("2024-01-01T22:00:00.000Z", Rfc3339.Format(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.FromHours(2))));
    }
}
