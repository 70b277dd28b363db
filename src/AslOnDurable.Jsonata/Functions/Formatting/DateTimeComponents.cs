namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>
/// The numeric value of each date/time component of a <see cref="JsDate"/>, with JSONata's ISO 8601 week rules:
/// weeks start on Monday and the first week of a year (or, for <c>w</c>, of a month) is the one holding its first Thursday;
/// <c>X</c> and <c>x</c> are the year and month that week-numbering belongs to.
/// </summary>
internal static class DateTimeComponents
{
    /// <summary>The value of <paramref name="component"/>, NaN for an invalid date, <see langword="null"/> for a component without a numeric value.</summary>
    public static double? Value(JsDate date, char component) => component switch
    {
        'Y' => date.Year,
        'M' => date.Month + 1,
        'D' => date.Date,
        'd' => ((JsDate.Utc(date.Year, date.Month, date.Date) - JsDate.Utc(date.Year, 0)) / JsDate.MsPerDay) + 1,
        'F' => date.WeekDay == 0 ? 7 : date.WeekDay,
        'W' => WeekOfYear(date),
        'w' => WeekOfMonth(date),
        'X' => WeekNumberingYear(date),
        'x' => WeekNumberingMonth(date),
        'H' => date.Hours,
        'h' => date.Hours % 12 == 0 ? 12 : date.Hours % 12,
        'm' => date.Minutes,
        's' => date.Seconds,
        'f' => date.Milliseconds,
        _ => null,
    };

    private static double StartOfFirstWeek(double year, double month)
    {
        var first = JsDate.Utc(year, month);
        var day = JsDate.FromTime(first).WeekDay;
        if (day == 0)
        {
            day = 7;
        }

        return day > 4 ? first + ((8 - day) * JsDate.MsPerDay) : first - ((day - 1) * JsDate.MsPerDay);
    }

    private static double DeltaWeeks(double start, double end) => ((end - start) / (JsDate.MsPerDay * 7)) + 1;

    private static (double Year, double Month) NextMonth(double year, double month) => month == 11 ? (year + 1, 0) : (year, month + 1);

    private static (double Year, double Month) PreviousMonth(double year, double month) => month == 0 ? (year - 1, 11) : (year, month - 1);

    private static double WeekOfYear(JsDate date)
    {
        var year = date.Year;
        var start = StartOfFirstWeek(year, 0);
        var today = JsDate.Utc(year, date.Month, date.Date);
        var week = DeltaWeeks(start, today);
        if (week > 52)
        {
            if (today >= StartOfFirstWeek(year + 1, 0))
            {
                week = 1;
            }
        }
        else if (week < 1)
        {
            week = DeltaWeeks(StartOfFirstWeek(year - 1, 0), today);
        }

        return Math.Floor(week);
    }

    private static double WeekOfMonth(JsDate date)
    {
        var (year, month) = (date.Year, date.Month);
        var start = StartOfFirstWeek(year, month);
        var today = JsDate.Utc(year, month, date.Date);
        var week = DeltaWeeks(start, today);
        if (week > 4)
        {
            var (ny, nm) = NextMonth(year, month);
            if (today >= StartOfFirstWeek(ny, nm))
            {
                week = 1;
            }
        }
        else if (week < 1)
        {
            var (py, pm) = PreviousMonth(year, month);
            week = DeltaWeeks(StartOfFirstWeek(py, pm), today);
        }

        return Math.Floor(week);
    }

    private static double WeekNumberingYear(JsDate date)
    {
        var year = date.Year;
        if (date.Time < StartOfFirstWeek(year, 0))
        {
            return year - 1;
        }

        return date.Time >= StartOfFirstWeek(year + 1, 0) ? year + 1 : year;
    }

    private static double WeekNumberingMonth(JsDate date)
    {
        var (year, month) = (date.Year, date.Month);
        var (ny, nm) = NextMonth(year, month);
        if (date.Time < StartOfFirstWeek(year, month))
        {
            return PreviousMonth(year, month).Month + 1;
        }

        return date.Time >= StartOfFirstWeek(ny, nm) ? nm + 1 : month + 1;
    }
}
