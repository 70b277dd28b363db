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

    [Theory]
    [InlineData("0001-01-01T00:00:00.0000000+00:00", "0001-01-01T00:00:00.000Z")]
    [InlineData("9999-12-31T23:59:59.9999999+00:00", "9999-12-31T23:59:59.999Z")]
    [InlineData("2024-02-29T23:59:59.9996000-05:30", "2024-03-01T05:29:59.999Z")]
    [InlineData("1970-01-01T00:00:00.0009999+00:00", "1970-01-01T00:00:00.000Z")]
    public void Format_Extremes_MillisecondsTruncatedNotRounded(string time, string expected)
    {
        Assert.Equal(expected, Rfc3339.Format(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Format_SeededRandomTimes_SameTextAsTheCustomFormat()
    {
        Random random = new(3);
        for (var i = 0; i < 2_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1));
            var utc = new DateTime(ticks, DateTimeKind.Utc);
            if (utc + offset < DateTime.MinValue || utc + offset > DateTime.MaxValue)
            {
                continue;
            }

            var value = new DateTimeOffset(DateTime.SpecifyKind(utc + offset, DateTimeKind.Unspecified), offset);
            Assert.Equal(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), Rfc3339.Format(value));
        }
    }
}
