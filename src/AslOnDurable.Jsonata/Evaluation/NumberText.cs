using System.Globalization;
using System.Text;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>Formats numbers the way JavaScript's <c>Number.prototype.toString</c> does.</summary>
internal static class NumberText
{
    /// <summary>Formats <paramref name="value"/> like JavaScript (shortest round-trip digits).</summary>
    public static string Format(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (Math.Abs(value) < 1e15 && value == Math.Floor(value))
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        // .NET's default formatting is the shortest round-trip form; without an exponent it matches JavaScript.
        Span<char> buffer = stackalloc char[32];
        if (value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture) && !buffer[..written].ContainsAny('E', 'e'))
        {
            return new string(buffer[..written]);
        }

        return FromRoundTrip(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Appends <paramref name="value"/> formatted like JavaScript.</summary>
    public static void Append(StringBuilder sb, double value)
    {
        if (Math.Abs(value) < 1e15 && value == Math.Floor(value) && value != 0)
        {
            sb.Append((long)value);
            return;
        }

        sb.Append(Format(value));
    }

    /// <summary>Formats like JavaScript's <c>toPrecision(precision)</c> followed by number-to-string.</summary>
    public static string FormatPrecision(double value, int precision)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return Format(value);
        }

        var shortest = Format(value);
        if (SignificantDigits(shortest) <= precision)
        {
            return shortest;
        }

        var rounded = double.Parse(value.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Format(rounded);
    }

    private static int SignificantDigits(string text)
    {
        var digits = 0;
        var leading = true;
        var trailingZeros = 0;
        foreach (var c in text)
        {
            if (c is 'e' or 'E')
            {
                break;
            }

            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            if (leading && c == '0')
            {
                continue;
            }

            leading = false;
            digits++;
            trailingZeros = c == '0' ? trailingZeros + 1 : 0;
        }

        return digits - trailingZeros;
    }

    private static string FromRoundTrip(string r)
    {
        var negative = r.StartsWith('-');
        if (negative)
        {
            r = r[1..];
        }

        var exponent = 0;
        var ePos = r.IndexOfAny(['E', 'e']);
        string mantissa = r;
        if (ePos >= 0)
        {
            exponent = int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = r[..ePos];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits;
        int pointPos;
        if (dot >= 0)
        {
            digits = mantissa[..dot] + mantissa[(dot + 1)..];
            pointPos = dot;
        }
        else
        {
            digits = mantissa;
            pointPos = mantissa.Length;
        }

        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
            pointPos--;
        }

        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        var n = pointPos + exponent; // decimal point position relative to the digits
        var k = digits.Length;
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(e >= 0 ? '+' : '-').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
