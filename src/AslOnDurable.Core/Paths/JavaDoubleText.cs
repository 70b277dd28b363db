using System.Globalization;
using System.Text;

namespace AslOnDurable.Core.Paths;

/// <summary>
/// Formats a double the way Java's <c>Double.toString</c> does (AWS runs on Java): the shortest digits that round
/// trip, <c>3.0</c> rather than <c>3</c>, and <c>1.0E10</c> / <c>1.0E-4</c> outside [10⁻³, 10⁷).
/// </summary>
internal static class JavaDoubleText
{
    /// <summary>Formats a finite double.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its Java text, for example <c>3.0</c>, <c>0.1</c>, <c>1.0E7</c>.</returns>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // Shortest round-trip digits and the decimal exponent of the first digit.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var digits = new StringBuilder();
        var ePos = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = ePos < 0 ? shortest : shortest[..ePos];
        var extra = ePos < 0 ? 0 : int.Parse(shortest.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? mantissa : mantissa[..dot];
        var fractionPart = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var all = (integerPart + fractionPart).TrimStart('0');
        var leadingZeros = (integerPart + fractionPart).Length - all.Length;
        var exponent = integerPart.Length - 1 - leadingZeros + extra;
        digits.Append(all.TrimEnd('0'));
        if (digits.Length == 0)
        {
            digits.Append('0');
        }

        var builder = new StringBuilder();
        if (value < 0)
        {
            builder.Append('-');
        }

        var abs = Math.Abs(value);
        if (abs >= 1e-3 && abs < 1e7)
        {
            if (exponent >= 0)
            {
                var whole = digits.Length > exponent + 1 ? digits.ToString(0, exponent + 1) : digits.ToString().PadRight(exponent + 1, '0');
                var fraction = digits.Length > exponent + 1 ? digits.ToString(exponent + 1, digits.Length - exponent - 1) : "0";
                builder.Append(whole).Append('.').Append(fraction);
            }
            else
            {
                builder.Append("0.").Append('0', -exponent - 1).Append(digits);
            }
        }
        else
        {
            builder.Append(digits[0]).Append('.');
            builder.Append(digits.Length > 1 ? digits.ToString(1, digits.Length - 1) : "0");
            builder.Append('E').Append(exponent.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
