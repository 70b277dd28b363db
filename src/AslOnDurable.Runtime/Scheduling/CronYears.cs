using System.Globalization;

namespace AslOnDurable.Runtime.Scheduling;

/// <summary>Parses the year field of an AWS cron expression: <c>*</c>, values, ranges, lists and steps.</summary>
internal static class CronYears
{
    /// <summary>The matching years as flags indexed from <paramref name="first"/>.</summary>
    public static bool[] Parse(string field, int first, int last, Func<string, Exception> invalid)
    {
        bool[] years = new bool[last - first + 1];
        foreach (string item in field.Split(','))
        {
            string range = item;
            int step = 1;
            int slash = item.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                range = item[..slash];
                step = Number(item[(slash + 1)..], 1, last - first, "year step", invalid);
            }

            (int from, int to) = range switch
            {
                "*" => (first, last),
                _ when range.IndexOf('-', StringComparison.Ordinal) is var dash and > 0 =>
                    (Number(range[..dash], first, last, "year", invalid), Number(range[(dash + 1)..], first, last, "year", invalid)),
                _ => (Number(range, first, last, "year", invalid), slash >= 0 ? last : Number(range, first, last, "year", invalid)),
            };
            if (from > to)
            {
                throw invalid($"year range {range} runs backwards");
            }

            for (int y = from; y <= to; y += step)
            {
                years[y - first] = true;
            }
        }

        return years;
    }

    private static int Number(string text, int min, int max, string what, Func<string, Exception> invalid) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw invalid($"{what} '{text}' must be a number from {min} to {max}");
}
