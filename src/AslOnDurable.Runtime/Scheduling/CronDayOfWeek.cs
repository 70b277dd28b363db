using System.Globalization;
using System.Text;

namespace AslOnDurable.Runtime.Scheduling;

/// <summary>Translates AWS's day-of-week field (1-7 = SUN-SAT, <c>L</c>, <c>#</c>) to Cronos's (0-6 = SUN-SAT).</summary>
internal static class CronDayOfWeek
{
    /// <summary>The Cronos form of an AWS day-of-week field.</summary>
    public static string ToCronos(string field, Func<string, Exception> invalid)
    {
        var result = new StringBuilder();
        foreach (string item in field.Split(','))
        {
            if (result.Length > 0)
            {
                result.Append(',');
            }

            result.Append(Item(item, invalid));
        }

        return result.ToString();
    }

    private static string Item(string item, Func<string, Exception> invalid)
    {
        if (item.Length == 0)
        {
            throw invalid("empty item in day-of-week");
        }

        if (item == "L")
        {
            return "SAT"; // AWS: L alone in day-of-week is the last day of the week.
        }

        int slash = item.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            return Range(item[..slash], invalid) + item[slash..];
        }

        int hash = item.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            return Day(item[..hash], invalid) + item[hash..];
        }

        if (item.Length > 1 && item[^1] == 'L')
        {
            return Day(item[..^1], invalid) + "L";
        }

        return Range(item, invalid);
    }

    private static string Range(string range, Func<string, Exception> invalid)
    {
        if (range == "*")
        {
            return range;
        }

        int dash = range.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? Day(range, invalid) : Day(range[..dash], invalid) + "-" + Day(range[(dash + 1)..], invalid);
    }

    private static string Day(string day, Func<string, Exception> invalid)
    {
        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            return number is >= 1 and <= 7
                ? (number - 1).ToString(CultureInfo.InvariantCulture)
                : throw invalid($"day-of-week {day} is out of range 1-7 (1 = Sunday)");
        }

        return day.ToUpperInvariant() is "SUN" or "MON" or "TUE" or "WED" or "THU" or "FRI" or "SAT"
            ? day.ToUpperInvariant()
            : throw invalid($"'{day}' is not a day of the week (1-7 or SUN-SAT)");
    }
}
