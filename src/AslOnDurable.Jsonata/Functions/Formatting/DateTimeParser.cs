using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>
/// <c>$toMillis(timestamp [, picture])</c>: ISO 8601 parsing, or parsing with a <c>format-dateTime</c> picture as
/// JSONata 2.0.6 does it (its <c>parseDateTime</c>).
/// </summary>
internal static class DateTimeParser
{
    // Bit masks over the components "YXMxWwdD" (dates) and "PHhmsf" (times), most significant first.
    private const int DateYmd = 0b10100001;
    private const int DateYd = 0b10000010;
    private const int DateXxwF = 0b01010100;
    private const int DateXWF = 0b01001000;
    private const int Time24 = 0b010111;
    private const int Time12 = 0b101111;

    private const int MaxCachedPatterns = 256;

    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Parses a timestamp into milliseconds since the epoch.</summary>
    /// <param name="timestamp">The text.</param>
    /// <param name="picture">A <c>format-dateTime</c> picture describing the text, or <see langword="null"/> for ISO 8601.</param>
    /// <param name="nowMillis">
    /// The evaluation's current time (the same instant <c>$now()</c> reports): components more significant than those the
    /// picture gives default to it (e.g. the date for <c>[H]:[m]</c>).
    /// </param>
    /// <returns>
    /// The milliseconds; <see langword="null"/> (JSONata undefined) when the text does not match the picture or the picture
    /// has no component; NaN when parts cannot be read (e.g. an invalid calendar date), which JSONata 2.0.6 returns as is
    /// (JSON output shows it as <c>null</c>).
    /// </returns>
    /// <exception cref="JsonataException">
    /// D3110 for a timestamp that is not ISO 8601 (no picture); D3130–D3135 for a bad picture; D3136 when the picture's
    /// components leave a gap (e.g. month and day without the year is fine, year and day without the month is not) or
    /// use week-based dates.
    /// </exception>
    public static double? ToMillis(string timestamp, string? picture, double nowMillis)
    {
        if (picture is null)
        {
            return IsoTimestamp.Parse(timestamp);
        }

        var parts = DateTimePicture.Analyse(picture);
        var parsers = new List<Func<string, double?>?>(parts.Count);
        var regex = new StringBuilder("^");
        foreach (var part in parts)
        {
            var (pattern, parse) = Matcher(part);
            regex.Append('(').Append(pattern).Append(')');
            parsers.Add(parse);
        }

        regex.Append('$');
        var match = CompiledPattern(regex.ToString()).Match(timestamp);
        if (!match.Success)
        {
            return null;
        }

        // A component key with a null value was matched but could not be read (JavaScript undefined).
        var components = new Dictionary<char, double?>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (parsers[i] is { } parse)
            {
                components[parts[i].Component] = parse(match.Groups[i + 1].Value);
            }
        }

        if (components.Count == 0)
        {
            return null;
        }

        return Resolve(components, JsDate.FromTime(nowMillis));
    }

    /// <summary>
    /// The picture's regular expression, on the linear-time engine (the captures agree with JavaScript's backtracking
    /// engine because no group repeats); patterns too large for it (several word markers) use the backtracking engine.
    /// </summary>
    private static Regex CompiledPattern(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        Regex regex;
        try
        {
            regex = new Regex(pattern, Options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            regex = new Regex(pattern, Options);
        }

        if (Cache.Count >= MaxCachedPatterns)
        {
            Cache.Clear();
        }

        Cache[pattern] = regex;
        return regex;
    }

    private static double Resolve(Dictionary<char, double?> components, JsDate now)
    {
        bool IsDefined(char c) => components.TryGetValue(c, out var v) && v is not null;
        bool IsTruthy(char c) => components.TryGetValue(c, out var v) && v is { } d && d != 0 && !double.IsNaN(d);
        double Get(char c) => components.TryGetValue(c, out var v) && v is { } d ? d : double.NaN;

        int Mask(string order) => order.Aggregate(0, (mask, c) => (mask << 1) | (IsTruthy(c) ? 1 : 0));
        static bool IsType(int type, int mask) => (~type & mask) == 0 && (type & mask) != 0;

        var dateMask = Mask("YXMxWwdD");
        var dateA = IsType(DateYmd, dateMask);
        var dateB = !dateA && IsType(DateYd, dateMask);
        var dateC = IsType(DateXxwF, dateMask);
        var dateD = !dateC && IsType(DateXWF, dateMask);

        var timeMask = Mask("PHhmsf");
        var timeA = IsType(Time24, timeMask);
        var timeB = !timeA && IsType(Time12, timeMask);

        var dateComponents = dateB ? "YD" : dateC ? "XxwF" : dateD ? "XWF" : "YMD";
        var timeComponents = timeB ? "Phmsf" : "Hmsf";

        // Left of the given components default to now, right of them to their lowest value; a gap between given ones is an error.
        var startSpecified = false;
        var endSpecified = false;
        foreach (var part in dateComponents + timeComponents)
        {
            if (!IsDefined(part))
            {
                if (startSpecified)
                {
                    components[part] = part is 'M' or 'D' or 'd' ? 1 : 0;
                    endSpecified = true;
                }
                else
                {
                    // The reference takes 'am'/'pm' for P here, which never equals 1 later.
                    components[part] = part == 'P' ? double.NaN : DateTimeComponents.Value(now, part) ?? double.NaN;
                }
            }
            else
            {
                startSpecified = true;
                if (endSpecified)
                {
                    throw new JsonataException("D3136");
                }
            }
        }

        var month = Get('M');
        components['M'] = month > 0 ? month - 1 : 0;

        if (dateB)
        {
            var firstJan = JsDate.Utc(Get('Y'), 0);
            var derived = JsDate.FromTime(firstJan + ((Get('d') - 1) * JsDate.MsPerDay));
            components['M'] = derived.Month;
            components['D'] = derived.Date;
        }

        if (dateC || dateD)
        {
            // Week-based dates are not supported by the reference either.
            throw new JsonataException("D3136");
        }

        if (timeB)
        {
            var hour = Get('h') == 12 ? 0 : Get('h');
            components['H'] = Get('P') == 1 ? hour + 12 : hour;
        }

        var millis = JsDate.Utc(Get('Y'), Get('M'), Get('D'), Get('H'), Get('m'), Get('s'), Get('f'));
        if (IsTruthy('Z') || IsTruthy('z'))
        {
            var offset = IsTruthy('Z') ? Get('Z') : Get('z');
            millis -= offset * 60 * 1000;
        }

        return millis;
    }

    private static (string Pattern, Func<string, double?>? Parse) Matcher(DateTimePicturePart part)
    {
        if (part.Literal is { } literal)
        {
            return (Regex.Escape(literal), null);
        }

        var component = part.Component;
        if (component is 'Z' or 'z')
        {
            return TimezoneMatcher(part);
        }

        if (part.IntegerFormat is { } integerFormat)
        {
            var matcher = IntegerMatcher.For(integerFormat);
            return (matcher.Pattern, v => matcher.Parse(v));
        }

        Dictionary<string, double> lookup = new(StringComparer.Ordinal);
        var max = part.Width?.Max is { } m && m > 0 ? (int?)m : null;
        string Shorten(string name) => max is { } n && n < name.Length ? name[..n] : name;
        switch (component)
        {
            case 'M' or 'x':
                for (var i = 0; i < DateTimeFormatter.Months.Count; i++)
                {
                    lookup[Shorten(DateTimeFormatter.Months[i])] = i + 1;
                }

                break;
            case 'F':
                for (var i = 1; i < DateTimeFormatter.Days.Count; i++)
                {
                    lookup[Shorten(DateTimeFormatter.Days[i])] = i;
                }

                break;
            case 'P':
                lookup["am"] = 0;
                lookup["AM"] = 0;
                lookup["pm"] = 1;
                lookup["PM"] = 1;
                break;
            default:
                throw new JsonataException("D3133").WithValue(component == '\0' ? string.Empty : component.ToString());
        }

        return ("[a-zA-Z]+", v => lookup.TryGetValue(v, out var value) ? value : null);
    }

    private static (string Pattern, Func<string, double?> Parse) TimezoneMatcher(DateTimePicturePart part)
    {
        var format = part.IntegerFormat!;
        var separator = format.Primary == IntegerPrimaryFormat.Decimal && format.Regular ? format.RegularSeparator.Character : null;
        var isGmt = part.Component == 'z';
        var pattern = (isGmt ? "GMT" : string.Empty) + "[-+][0-9]+" + (separator is null ? string.Empty : Regex.Escape(separator) + "[0-9]+");

        double? Parse(string value)
        {
            if (isGmt)
            {
                value = JsString.Substring(value, 3);
            }

            double hours;
            var minutes = 0.0;
            if (separator is not null)
            {
                var at = value.IndexOf(separator, StringComparison.Ordinal);
                hours = JsNumber.ParseInt(JsString.Substring(value, 0, at));
                minutes = JsNumber.ParseInt(JsString.Substring(value, at + 1));
            }
            else if (value.Length - 1 <= 2)
            {
                hours = JsNumber.ParseInt(value);
            }
            else
            {
                hours = JsNumber.ParseInt(JsString.Substring(value, 0, 3));
                minutes = JsNumber.ParseInt(JsString.Substring(value, 3));
            }

            return (hours * 60) + minutes;
        }

        return (pattern, Parse);
    }
}
