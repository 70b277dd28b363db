using AslOnDurable.Jsonata.Functions.Formatting;

namespace AslOnDurable.Jsonata.Tests.Functions.Formatting;

public sealed class DateTimeFormatterTests
{
    // 2023-11-14T22:13:20.123Z, a Tuesday.
    private const double Instant = 1700000000123;

    [Theory]
    [InlineData(0, "1970-01-01T00:00:00.000Z")]
    [InlineData(Instant, "2023-11-14T22:13:20.123Z")]
    [InlineData(1.9, "1970-01-01T00:00:00.001Z")]
    [InlineData(-62135596800000, "0001-01-01T00:00:00.000Z")]
    [InlineData(-62198755200000, "-0001-01-01T00:00:00.000Z")]
    [InlineData(8.64e15, "5760-09-13T00:00:00.000Z")]
    public void FromMillis_NoPicture_WritesIso8601InUtcWithFourYearDigits(double millis, string expected) =>
        Assert.Equal(expected, DateTimeFormatter.FromMillis(millis));

    [Theory]
    [InlineData("+0530", "2023-11-15T03:43:20.123+05:30")]
    [InlineData("-0800", "2023-11-14T14:13:20.123-08:00")]
    [InlineData("+0000", "2023-11-14T22:13:20.123Z")]
    public void FromMillis_Timezone_ShiftsFieldsAndWritesTheOffset(string timezone, string expected) =>
        Assert.Equal(expected, DateTimeFormatter.FromMillis(Instant, null, timezone));

    [Theory]
    [InlineData("[Y0001]-[M01]-[D01]", "2023-11-14")]
    [InlineData("[D1o] [MNn] [Y]", "14th November 2023")]
    [InlineData("[FNn], [D] [MN,3-3] [Y]", "Tuesday, 14 NOV 2023")]
    [InlineData("[FN,*-3]", "TUE")]
    [InlineData("[Fn] [F1]", "tuesday 2")]
    [InlineData("[H01]:[m01]:[s01].[f001]", "22:13:20.123")]
    [InlineData("[h]:[m01] [P] [h]:[m01] [PN]", "10:13 pm 10:13 PM")]
    [InlineData("[Y,2] [Y0001,2-2]", "23 23")]
    [InlineData("[YI] [Ma] [Dwo] [DW]", "MMXXIII k fourteenth FOURTEEN")]
    [InlineData("[Yw]", "two thousand and twenty-three")]
    [InlineData("[d] [d001] [W] [w]", "318 318 46 3")]
    [InlineData("[C] [E]", "ISO ISO")]
    public void FromMillis_Picture_FormatsEachComponent(string picture, string expected) =>
        Assert.Equal(expected, DateTimeFormatter.FromMillis(Instant, picture));

    [Theory]
    [InlineData(1704067200000, "[X]-W[W01]-[F1] [x] [w]", "2024-W01-1 1 1")]
    [InlineData(1735603200000, "[X]-W[W01]-[F1] [xNn] [w]", "2025-W01-2 January 1")]
    [InlineData(1104537600000, "[X]-W[W01]-[F1] [xNn] [w]", "2004-W53-6 December 5")]
    public void FromMillis_IsoWeekComponents_BelongToTheWeeksYearAndMonth(double millis, string picture, string expected) =>
        Assert.Equal(expected, DateTimeFormatter.FromMillis(millis, picture));

    [Theory]
    [InlineData("[[[Y]]]", "[2023]")]
    [InlineData("Year]] [Y]", "Year] 2023")]
    [InlineData("[ Y 0001 ]", "2023")]
    [InlineData("[Q1]", "undefined")]
    public void FromMillis_BracketsAndWhiteSpace_AreHandledLikeTheReference(string picture, string expected) =>
        Assert.Equal(expected, DateTimeFormatter.FromMillis(Instant, picture));

    [Theory]
    [InlineData("[H01]:[m01][Z]", "+0530", "03:43+05:30")]
    [InlineData("[H01]:[m01][Z0]", "+0530", "03:43+5:30")]
    [InlineData("[H01]:[m01][Z0]", "-0800", "14:13-8")]
    [InlineData("[H01]:[m01][Z0101]", "-0800", "14:13-0800")]
    [InlineData("[H01]:[m01][z]", "+0200", "00:13GMT+02:00")]
    [InlineData("[H01]:[m01][Z01:01t]", "+0000", "22:13Z")]
    [InlineData("[H01]:[m01][Z01:01]", "+0000", "22:13+00:00")]
    [InlineData("[Z001]", "+0100", "+100")]
    public void FromMillis_TimezoneMarkers_FollowTheirDigitPattern(string picture, string timezone, string expected) =>
        Assert.Equal(expected, DateTimeFormatter.FromMillis(Instant, picture, timezone));

    [Fact]
    public void FromMillis_NegativeHalfHourZone_KeepsTheReferenceArithmetic() =>
        Assert.Equal("19:43 -02:30", DateTimeFormatter.FromMillis(Instant, "[H01]:[m01] [Z]", "-0130"));

    [Fact]
    public void FromMillis_OutOfRangeOrUnreadableZone_WritesNaNFields()
    {
        Assert.Equal("0NaN-NaN-NaNTNaN:NaN:NaN.NaNZ", DateTimeFormatter.FromMillis(8.64e15 + 1));
        Assert.Equal("0NaN", DateTimeFormatter.FromMillis(Instant, "[Y0001]", "xyz"));
    }

    [Theory]
    [InlineData("[Z00001]", "D3134")]
    [InlineData("[ZN]", "D3134")]
    [InlineData("[YN]", "D3133")]
    [InlineData("[Y", "D3135")]
    [InlineData("[]", "D3132")]
    [InlineData("[Q]", "D3132")]
    [InlineData("[D#]", "D3130")]
    public void FromMillis_InvalidPicture_Throws(string picture, string code)
    {
        var error = Assert.Throws<JsonataException>(() => DateTimeFormatter.FromMillis(Instant, picture, "+0100"));
        Assert.Equal(code, error.Code);
    }
}
