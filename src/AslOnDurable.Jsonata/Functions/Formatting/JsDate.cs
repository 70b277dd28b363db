namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>
/// A JavaScript <c>Date</c> reduced to what the reference's date/time code uses: a UTC time value in milliseconds
/// (NaN when invalid), its UTC calendar fields on the proleptic Gregorian calendar, and <c>Date.UTC</c>.
/// Out-of-range and fractional inputs behave as in ECMAScript (TimeClip, truncation, month/day overflow).
/// </summary>
internal readonly struct JsDate
{
    /// <summary>Milliseconds in a day.</summary>
    public const double MsPerDay = 86400000;

    private const double MaxTime = 8.64e15;

    private JsDate(double time)
    {
        Time = time;
        if (double.IsNaN(time))
        {
            Year = Month = Date = WeekDay = Hours = Minutes = Seconds = Milliseconds = double.NaN;
            return;
        }

        var day = Math.Floor(time / MsPerDay);
        var withinDay = time - (day * MsPerDay);
        var (y, m, d) = CivilFromDays((long)day);
        Year = y;
        Month = m - 1;
        Date = d;
        WeekDay = (((long)day + 4) % 7 + 7) % 7;
        Hours = Math.Floor(withinDay / 3600000);
        Minutes = Math.Floor(withinDay / 60000) % 60;
        Seconds = Math.Floor(withinDay / 1000) % 60;
        Milliseconds = withinDay % 1000;
    }

    /// <summary>The time value (ms since the epoch, UTC), or NaN.</summary>
    public double Time { get; }

    /// <summary><c>getUTCFullYear()</c>.</summary>
    public double Year { get; }

    /// <summary><c>getUTCMonth()</c>: 0 for January.</summary>
    public double Month { get; }

    /// <summary><c>getUTCDate()</c>: day of the month from 1.</summary>
    public double Date { get; }

    /// <summary><c>getUTCDay()</c>: 0 for Sunday.</summary>
    public double WeekDay { get; }

    /// <summary><c>getUTCHours()</c>.</summary>
    public double Hours { get; }

    /// <summary><c>getUTCMinutes()</c>.</summary>
    public double Minutes { get; }

    /// <summary><c>getUTCSeconds()</c>.</summary>
    public double Seconds { get; }

    /// <summary><c>getUTCMilliseconds()</c>.</summary>
    public double Milliseconds { get; }

    /// <summary><c>new Date(time)</c>: the value is clipped (NaN beyond ±8.64e15) and truncated to whole milliseconds.</summary>
    public static JsDate FromTime(double time) => new(TimeClip(time));

    /// <summary><c>Date.UTC(year, month, date, hours, minutes, seconds, ms)</c> (years 0–99 mean 1900–1999).</summary>
    public static double Utc(double year, double month, double date = 1, double hours = 0, double minutes = 0, double seconds = 0, double ms = 0)
    {
        if (double.IsNaN(year))
        {
            return double.NaN;
        }

        var y = JsNumber.ToIntegerOrInfinity(year);
        var fullYear = y is >= 0 and <= 99 ? 1900 + y : year;
        return MakeTimeValue(fullYear, month, date, hours, minutes, seconds, ms);
    }

    /// <summary>The clipped time value of the given UTC fields, without <c>Date.UTC</c>'s two-digit-year rule.</summary>
    public static double MakeTimeValue(double year, double month, double date, double hours, double minutes, double seconds, double ms) =>
        TimeClip((MakeDay(year, month, date) * MsPerDay) + MakeTime(hours, minutes, seconds, ms));

    private static double TimeClip(double time) =>
        !double.IsFinite(time) || Math.Abs(time) > MaxTime ? double.NaN : Math.Truncate(time) + 0.0;

    private static double MakeDay(double year, double month, double date)
    {
        if (!double.IsFinite(year) || !double.IsFinite(month) || !double.IsFinite(date))
        {
            return double.NaN;
        }

        var y = Math.Truncate(year);
        var m = Math.Truncate(month);
        var dt = Math.Truncate(date);
        var ym = y + Math.Floor(m / 12);
        if (Math.Abs(ym) > 400000)
        {
            return double.NaN;
        }

        var mn = ((m % 12) + 12) % 12;
        return DaysFromCivil((long)ym, (int)mn + 1, 1) + dt - 1;
    }

    private static double MakeTime(double hours, double minutes, double seconds, double ms)
    {
        if (!double.IsFinite(hours) || !double.IsFinite(minutes) || !double.IsFinite(seconds) || !double.IsFinite(ms))
        {
            return double.NaN;
        }

        return (Math.Truncate(hours) * 3600000) + (Math.Truncate(minutes) * 60000) + (Math.Truncate(seconds) * 1000) + Math.Truncate(ms);
    }

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, day 0 = 1970-01-01).
    private static long DaysFromCivil(long year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - (era * 400);
        var doy = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146097) + doe - 719468;
    }

    private static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        var z = days + 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var doe = z - (era * 146097);
        var yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
        var y = yoe + (era * 400);
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        var d = (int)(doy - (((153 * mp) + 2) / 5) + 1);
        var m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (m <= 2 ? y + 1 : y, m, d);
    }
}
