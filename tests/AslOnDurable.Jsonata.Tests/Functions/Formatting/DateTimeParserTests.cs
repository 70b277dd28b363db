using AslOnDurable.Jsonata.Functions.Formatting;

namespace AslOnDurable.Jsonata.Tests.Functions.Formatting;

public sealed class DateTimeParserTests
{
    // "Now" for defaulting: 2023-11-14T22:13:20.123Z.
    private const double Now = 1700000000123;

    // 2023-11-14T00:00:00Z.
    private const double Midnight = 1699920000000;

    [Theory]
    [InlineData("2023-11-14T22:13:20.123Z", 1700000000123)]
    [InlineData("2023-11-14T22:13:20Z", 1700000000000)]
    [InlineData("2023-11-14T22:13:20", 1700000000000)]
    [InlineData("2023-11-14", Midnight)]
    [InlineData("2023-11", 1698796800000)]
    [InlineData("2023", 1672531200000)]
    [InlineData("2023-11-14T22:13:20+05:30", 1699980200000)]
    [InlineData("2023-11-14T22:13:20-0800", 1700028800000)]
    [InlineData("2023-11-14T22:13:20.5Z", 1700000000500)]
    [InlineData("2023-11-14T22:13:20.123456Z", 1700000000123)]
    [InlineData("2023-02-30", 1677715200000)]
    [InlineData("2023-11-14T24:00:00Z", 1700006400000)]
    [InlineData("0000-01-01", -62167219200000)]
    public void ToMillis_IsoTimestamp_ParsesLikeDateParse(string timestamp, double expected) =>
        Assert.Equal(expected, DateTimeParser.ToMillis(timestamp, null, Now));

    [Fact]
    public void ToMillis_IsoShapedButInvalidDate_GivesNaN() =>
        Assert.True(double.IsNaN(DateTimeParser.ToMillis("2023-13-01", null, Now)!.Value));

    [Theory]
    [InlineData("2023-11-14 22:13:20")]
    [InlineData("14/11/2023")]
    [InlineData("2023-11-14T22:13")]
    public void ToMillis_NotIso8601_ThrowsD3110(string timestamp)
    {
        var error = Assert.Throws<JsonataException>(() => DateTimeParser.ToMillis(timestamp, null, Now));
        Assert.Equal("D3110", error.Code);
        Assert.Equal(timestamp, error.RawValue);
    }

    [Theory]
    [InlineData("2023-11-14", "[Y0001]-[M01]-[D01]")]
    [InlineData("14/11/2023", "[D01]/[M01]/[Y0001]")]
    [InlineData("14 November 2023", "[D] [MNn] [Y]")]
    [InlineData("14 Nov 2023", "[D] [MNn,3-3] [Y]")]
    [InlineData("14th November 2023", "[D1o] [MNn] [Y]")]
    [InlineData("Tuesday 14 November 2023", "[FNn] [D] [MNn] [Y]")]
    [InlineData("2023-318", "[Y]-[d]")]
    [InlineData("20231114", "[Y0001][M01][D01]")]
    [InlineData("fourteenth November two thousand and twenty-three", "[Dw] [MNn] [Yw]")]
    public void ToMillis_DatePictures_GiveMidnightUtc(string timestamp, string picture) =>
        Assert.Equal(Midnight, DateTimeParser.ToMillis(timestamp, picture, Now));

    [Theory]
    [InlineData("2023-11-14 10:13 pm", "[Y]-[M]-[D] [h]:[m] [P]", 1699999980000)]
    [InlineData("2023-11-14 12:05 am", "[Y]-[M]-[D] [h]:[m] [P]", 1699920300000)]
    [InlineData("2023-11-14 12:05 PM", "[Y]-[M]-[D] [h]:[m] [P]", 1699963500000)]
    [InlineData("2023-11-14 22:13:20 +0530", "[Y]-[M]-[D] [H]:[m]:[s] [Z0101]", 1699980200000)]
    [InlineData("2023-11-14 22:13:20 -08:00", "[Y]-[M]-[D] [H]:[m]:[s] [Z]", 1700028800000)]
    [InlineData("2023-11-14 22:13:20 -08:30", "[Y]-[M]-[D] [H]:[m]:[s] [Z]", 1700027000000)]
    [InlineData("2023-11-14 22:13:20 GMT+01:00", "[Y]-[M]-[D] [H]:[m]:[s] [z]", 1699996400000)]
    [InlineData("2023-11-14 22:13:20 +5", "[Y]-[M]-[D] [H]:[m]:[s] [Z0]", 1699982000000)]
    [InlineData("MMXXIII", "[YI]", 1672531200000)]
    [InlineData("23", "[Y]", -1483228800000)]
    public void ToMillis_TimeAndZonePictures_ApplyClockAndOffset(string timestamp, string picture, double expected) =>
        Assert.Equal(expected, DateTimeParser.ToMillis(timestamp, picture, Now));

    [Theory]
    [InlineData("22:13", "[H]:[m]", 1699999980000)]
    [InlineData("11-14", "[M]-[D]", Midnight)]
    public void ToMillis_LeadingComponentsMissing_DefaultToNow(string timestamp, string picture, double expected) =>
        Assert.Equal(expected, DateTimeParser.ToMillis(timestamp, picture, Now));

    [Theory]
    [InlineData("no match", "[Y]")]
    [InlineData("literal", "literal")]
    [InlineData("2023-1-14", "[Y]-[M01]-[D01]")]
    public void ToMillis_NoMatchOrNoComponent_GivesUndefined(string timestamp, string picture) =>
        Assert.Null(DateTimeParser.ToMillis(timestamp, picture, Now));

    [Fact]
    public void ToMillis_AdjacentIntegerMarkers_AreGreedyLikeJsonata206() =>
        Assert.Equal(1700000000005, DateTimeParser.ToMillis("2023-11-14T22:13:20.5", "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f1]", Now));

    [Fact]
    public void ToMillis_AdjacentGreedyMarkersOnLongInput_FailsToMatchWithoutBacktrackingBlowUp() =>
        Assert.Null(DateTimeParser.ToMillis(new string('1', 5000) + "x", "[H][m][s][f][d][D]", Now));

    [Theory]
    [InlineData("2023-14", "[Y]-[D]", "D3136")]
    [InlineData("11 22", "[M] [H]", "D3136")]
    [InlineData("2023-46-2", "[X]-[W]-[F1]", "D3136")]
    [InlineData("14 Smarch 2023", "[D] [MNn] [Y]", "D3136")]
    [InlineData("2023-11-14", "[Y]-[M]-[q]", "D3132")]
    [InlineData("2023-11-14", "[YN]-[M]-[D]", "D3133")]
    [InlineData("2023-11-14", "[Y]-[M]-[D", "D3135")]
    public void ToMillis_InsufficientOrInvalidPicture_Throws(string timestamp, string picture, string code)
    {
        var error = Assert.Throws<JsonataException>(() => DateTimeParser.ToMillis(timestamp, picture, Now));
        Assert.Equal(code, error.Code);
    }
}
