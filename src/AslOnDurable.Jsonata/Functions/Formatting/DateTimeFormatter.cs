using System.Text;

namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>
/// <c>$fromMillis(number [, picture [, timezone]])</c>: XPath F&amp;O 3.1 <c>format-dateTime</c> as JSONata 2.0.6
/// implements it, on milliseconds since the Unix epoch.
/// </summary>
internal static class DateTimeFormatter
{
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] DayNames = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly Lazy<IReadOnlyList<DateTimePicturePart>> IsoPicture = new(() => DateTimePicture.Analyse(DateTimePicture.Iso8601));

    /// <summary>The English month names, January first.</summary>
    internal static IReadOnlyList<string> Months => MonthNames;

    /// <summary>The English day names, with "" at index 0 and Monday at index 1.</summary>
    internal static IReadOnlyList<string> Days => DayNames;

    /// <summary>Formats a timestamp.</summary>
    /// <param name="millis">Milliseconds since 1970-01-01T00:00:00Z (fractions are truncated, like JavaScript's <c>Date</c>).</param>
    /// <param name="picture">The picture, e.g. <c>[Y0001]-[M01]-[D01]</c> or <c>[FNn], [D1o] [MNn]</c>; <see langword="null"/> for ISO 8601
    /// (<c>[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]</c>).</param>
    /// <param name="timezone">The offset to present the time in, <c>±HHMM</c> (e.g. <c>-0500</c>); <see langword="null"/> for UTC.
    /// Read with JavaScript's <c>parseInt</c>, so text that is not a number gives NaN fields, as in the reference.</param>
    /// <returns>The formatted timestamp.</returns>
    /// <exception cref="JsonataException">
    /// D3130, D3131, D3132 (unknown component), D3133 (names for a component without names), D3134 (timezone picture with more than
    /// four digits), D3135 (no closing bracket).
    /// </exception>
    public static string FromMillis(double millis, string? picture = null, string? timezone = null)
    {
        var offsetHours = 0.0;
        var offsetMinutes = 0.0;
        if (timezone is not null)
        {
            var offset = JsNumber.ParseInt(timezone);
            offsetHours = Math.Floor(offset / 100);
            offsetMinutes = offset % 100;
        }

        var parts = picture is null ? IsoPicture.Value : DateTimePicture.Analyse(picture);
        var offsetMillis = ((60 * offsetHours) + offsetMinutes) * 60 * 1000;
        var date = JsDate.FromTime(millis + offsetMillis);

        var result = new StringBuilder();
        foreach (var part in parts)
        {
            result.Append(part.Literal ?? FormatComponent(date, part, offsetHours, offsetMinutes));
        }

        return result.ToString();
    }

    private static string FormatComponent(JsDate date, DateTimePicturePart marker, double offsetHours, double offsetMinutes)
    {
        var component = marker.Component;
        switch (component)
        {
            case 'Y' or 'M' or 'D' or 'd' or 'F' or 'W' or 'w' or 'X' or 'x' or 'H' or 'h' or 'm' or 's':
                var value = DateTimeComponents.Value(date, component)!.Value;
                if (component == 'Y' && marker.YearDigits != -1)
                {
                    // §9.8.4.4: keep the last n digits of the year.
                    value %= Math.Pow(10, marker.YearDigits);
                }

                return marker.Names is { } names
                    ? FormatName(value, marker, names)
                    : IntegerFormatter.Format(value, marker.IntegerFormat!);
            case 'f':
                return marker.IntegerFormat is { } fraction
                    ? IntegerFormatter.Format(date.Milliseconds, fraction)
                    : throw new JsonataException("D3133").WithValue(component.ToString());
            case 'Z' or 'z':
                return FormatTimezone(marker, offsetHours, offsetMinutes);
            case 'P':
                var amPm = date.Hours >= 12 ? "pm" : "am";
                return marker.Names == LetterCase.Upper ? amPm.ToUpperInvariant() : amPm;
            case 'C' or 'E':
                return "ISO";
            default:
                // The reference appends its undefined value.
                return "undefined";
        }
    }

    private static string FormatName(double value, DateTimePicturePart marker, LetterCase names)
    {
        string? name = marker.Component switch
        {
            'M' or 'x' => value is >= 1 and <= 12 && value == Math.Floor(value) ? MonthNames[(int)value - 1] : null,
            'F' => value is >= 0 and <= 7 && value == Math.Floor(value) ? DayNames[(int)value] : null,
            _ => throw new JsonataException("D3133").WithValue(marker.Component.ToString()),
        };
        if (name is null)
        {
            return "undefined";
        }

        name = names switch
        {
            LetterCase.Upper => name.ToUpperInvariant(),
            LetterCase.Lower => name.ToLowerInvariant(),
            _ => name,
        };
        if (marker.Width?.Max is { } max && name.Length > max)
        {
            name = name[..(int)max];
        }

        return name;
    }

    private static string FormatTimezone(DateTimePicturePart marker, double offsetHours, double offsetMinutes)
    {
        var format = marker.IntegerFormat!;
        var offset = (offsetHours * 100) + offsetMinutes;
        string text;
        if (format.Primary == IntegerPrimaryFormat.Decimal && format.Regular)
        {
            text = IntegerFormatter.Format(offset, format);
        }
        else
        {
            var digits = format.Primary == IntegerPrimaryFormat.Decimal ? format.MandatoryDigits : 0;
            if (digits is 1 or 2)
            {
                text = IntegerFormatter.Format(offsetHours, format);
                if (offsetMinutes != 0)
                {
                    text += ":" + IntegerFormatter.Format(offsetMinutes, "00");
                }
            }
            else if (digits is 3 or 4)
            {
                text = IntegerFormatter.Format(offset, format);
            }
            else
            {
                var error = new JsonataException("D3134");
                throw format.Primary == IntegerPrimaryFormat.Decimal ? error.WithValue((double)digits) : error;
            }
        }

        if (offset >= 0)
        {
            text = "+" + text;
        }

        if (marker.Component == 'z')
        {
            text = "GMT" + text;
        }

        if (offset == 0 && marker.Presentation2 == 't')
        {
            text = "Z";
        }

        return text;
    }
}
