using System.Globalization;
using System.Text.RegularExpressions;

namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>
/// <c>$toMillis(timestamp)</c> without a picture: the reference's ISO 8601 check followed by JavaScript's
/// <c>Date.parse</c> (as V8 does it, with a time without offset read as UTC, the host zone of AWS).
/// </summary>
internal static partial class IsoTimestamp
{
    /// <summary>Parses an ISO 8601 timestamp into milliseconds since the epoch.</summary>
    /// <returns>
    /// The time value; NaN when the text passes the reference's check but is not a valid date
    /// (e.g. month 13), which JSONata 2.0.6 returns as is.
    /// </returns>
    /// <exception cref="JsonataException">D3110 when the text is not ISO 8601 as the reference's check defines it.</exception>
    public static double Parse(string timestamp)
    {
        if (!ReferenceCheck().IsMatch(timestamp))
        {
            throw new JsonataException("D3110").WithValue(timestamp);
        }

        var m = DateParse().Match(timestamp);
        if (!m.Success)
        {
            return double.NaN;
        }

        static int Number(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var year = Number(m.Groups["year"]);
        var month = m.Groups["month"].Success ? Number(m.Groups["month"]) : 1;
        var day = m.Groups["day"].Success ? Number(m.Groups["day"]) : 1;
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return double.NaN;
        }

        var hasTime = m.Groups["hour"].Success;
        var hour = hasTime ? Number(m.Groups["hour"]) : 0;
        var minute = hasTime ? Number(m.Groups["minute"]) : 0;
        var second = hasTime ? Number(m.Groups["second"]) : 0;
        var fraction = m.Groups["fraction"].Value;
        var ms = fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(3, '0')[..3], NumberStyles.None, CultureInfo.InvariantCulture);
        if (hour > 24 || (hour == 24 && (minute != 0 || second != 0 || ms != 0)) || minute > 59 || second > 59)
        {
            return double.NaN;
        }

        var offsetMinutes = 0;
        if (m.Groups["offsign"].Success)
        {
            var offsetHour = Number(m.Groups["offhour"]);
            var offsetMinute = Number(m.Groups["offminute"]);
            if (offsetHour > 23 || offsetMinute > 59)
            {
                return double.NaN;
            }

            offsetMinutes = (offsetHour * 60) + offsetMinute;
            if (m.Groups["offsign"].Value == "-")
            {
                offsetMinutes = -offsetMinutes;
            }
        }

        var time = JsDate.MakeTimeValue(year, month - 1, day, hour, minute, second, ms);
        return double.IsNaN(time) ? double.NaN : time - (offsetMinutes * 60000.0);
    }

    // The reference's check (JSONata 2.0.6), with JavaScript's ASCII-only \d.
    [GeneratedRegex(@"^[0-9]{4}(-[01][0-9])*(-[0-3][0-9])*(T[0-2][0-9]:[0-5][0-9]:[0-5][0-9])*(\.[0-9]+)?([+-][0-2][0-9]:?[0-5][0-9]|Z)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceCheck();

    // What Date.parse then accepts of it: at most one month, one day and one time; a fraction and an offset only after a time.
    [GeneratedRegex(
        @"^(?<year>[0-9]{4})(?:-(?<month>[0-9]{2})(?:-(?<day>[0-9]{2}))?)?(?:T(?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]+))?(?:Z|(?<offsign>[+-])(?<offhour>[0-9]{2}):?(?<offminute>[0-9]{2}))?)?Z?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DateParse();
}
