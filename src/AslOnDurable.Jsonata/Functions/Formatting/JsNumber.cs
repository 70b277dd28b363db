using System.Globalization;
using System.Numerics;
using System.Text;

namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>
/// The JavaScript number conversions the reference implementation relies on (<c>Number#toString</c>,
/// <c>toFixed</c>, <c>toString(radix)</c>, <c>parseInt</c>, <c>Math.round</c>) and JSONata's own
/// half-even <c>$round</c>, reproduced exactly so that formatted output matches digit for digit.
/// </summary>
internal static class JsNumber
{
    /// <summary>ECMAScript <c>Number::toString(x)</c>: shortest round-trip digits, exponent form outside [1e-7, 1e21).</summary>
    public static string ToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (value == 0)
        {
            return "0";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value < 0)
        {
            return "-" + ToString(-value);
        }

        var (digits, n) = ShortestDigits(value);
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }

        var exponent = n - 1;
        var sign = exponent < 0 ? "-" : "+";
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return k == 1
            ? digits + "e" + sign + magnitude
            : digits[..1] + "." + digits[1..] + "e" + sign + magnitude;
    }

    /// <summary>
    /// ECMAScript <c>Number.prototype.toFixed(fractionDigits)</c>: the exact decimal value rounded half up
    /// (ties to the larger magnitude); values of 1e21 and more use <see cref="ToString(double)"/>.
    /// </summary>
    public static string ToFixed(double value, int fractionDigits)
    {
        if (!double.IsFinite(value))
        {
            return ToString(value);
        }

        if (Math.Abs(value) >= 1e21)
        {
            return ToString(value);
        }

        var negative = value < 0;
        var x = Math.Abs(value);
        var scaled = ScaleAndRoundHalfUp(x, fractionDigits);
        var text = scaled.ToString(CultureInfo.InvariantCulture);
        if (fractionDigits > 0)
        {
            if (text.Length <= fractionDigits)
            {
                text = new string('0', fractionDigits - text.Length + 1) + text;
            }

            text = text[..^fractionDigits] + "." + text[^fractionDigits..];
        }

        return negative ? "-" + text : text;
    }

    /// <summary>
    /// ECMAScript <c>Number.prototype.toString(radix)</c> as V8 computes it for integral values
    /// (the callers always round first); radix 10 is <see cref="ToString(double)"/>.
    /// </summary>
    public static string ToRadixString(double value, int radix)
    {
        if (radix == 10 || !double.IsFinite(value))
        {
            return ToString(value);
        }

        if (value == 0)
        {
            return "0";
        }

        var negative = value < 0;
        var integer = Math.Floor(Math.Abs(value));
        const string Chars = "0123456789abcdefghijklmnopqrstuvwxyz";
        var reversed = new StringBuilder();

        // V8 fills the digits below the double's precision with zeros.
        const double TwoTo53 = 9007199254740992d;
        while (integer / radix >= TwoTo53)
        {
            integer /= radix;
            reversed.Append('0');
        }

        do
        {
            var remainder = integer % radix;
            reversed.Append(Chars[(int)remainder]);
            integer = (integer - remainder) / radix;
        }
        while (integer > 0);

        if (negative)
        {
            reversed.Append('-');
        }

        var chars = reversed.ToString().ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    /// <summary>JavaScript <c>Math.round</c>: nearest integer, ties towards +∞.</summary>
    public static double MathRound(double value)
    {
        if (!double.IsFinite(value))
        {
            return value;
        }

        var floor = Math.Floor(value);
        var rounded = value - floor >= 0.5 ? floor + 1 : floor;
        return rounded == 0 && (value < 0 || double.IsNegative(value)) ? -0.0 : rounded;
    }

    /// <summary>
    /// JSONata's <c>$round(value, precision)</c>: half-even rounding, shifting the decimal point through
    /// the number's string form so that no binary multiplication error creeps in. −0 becomes 0.
    /// </summary>
    public static double RoundHalfEven(double value, int precision = 0)
    {
        var arg = value;
        if (precision != 0)
        {
            arg = ShiftDecimal(arg, precision);
        }

        var result = MathRound(arg);
        var diff = result - arg;
        if (Math.Abs(diff) == 0.5 && Math.Abs(result % 2) == 1)
        {
            result -= 1;
        }

        if (precision != 0)
        {
            result = ShiftDecimal(result, -precision);
        }

        return result == 0 ? 0 : result;
    }

    /// <summary>
    /// JavaScript <c>parseInt(text)</c> without a radix: leading white space, an optional sign, a
    /// <c>0x</c> prefix for hexadecimal, then as many digits as there are; NaN when there are none.
    /// </summary>
    public static double ParseInt(string text)
    {
        var i = 0;
        while (i < text.Length && IsJsWhiteSpace(text[i]))
        {
            i++;
        }

        var sign = 1.0;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            sign = text[i] == '-' ? -1 : 1;
            i++;
        }

        if (i + 1 < text.Length && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X'))
        {
            i += 2;
            var start = i;
            var hex = 0.0;
            while (i < text.Length && Uri.IsHexDigit(text[i]))
            {
                hex = (hex * 16) + Convert.ToInt32(text[i].ToString(), 16);
                i++;
            }

            return i == start ? double.NaN : sign * hex;
        }

        var digitsStart = i;
        while (i < text.Length && text[i] is >= '0' and <= '9')
        {
            i++;
        }

        if (i == digitsStart)
        {
            return double.NaN;
        }

        return sign * double.Parse(text.AsSpan(digitsStart, i - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>ECMAScript <c>ToIntegerOrInfinity</c> (truncation towards zero; NaN becomes 0).</summary>
    public static double ToIntegerOrInfinity(double value) =>
        double.IsNaN(value) ? 0 : Math.Truncate(value) + 0.0;

    /// <summary>Whether JavaScript's <c>\s</c> matches <paramref name="c"/>.</summary>
    public static bool IsJsWhiteSpace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';

    private static double ShiftDecimal(double value, int places)
    {
        var text = ToString(value);
        var e = text.IndexOf('e', StringComparison.Ordinal);
        string shifted;
        if (e < 0)
        {
            shifted = text + "e" + places.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            shifted = text[..e] + "e" + (exponent + places).ToString(CultureInfo.InvariantCulture);
        }

        return double.Parse(shifted, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The shortest round-trip decimal digits of a positive finite value and the ECMAScript exponent n (value = 0.d1d2… × 10^n).</summary>
    private static (string Digits, int N) ShortestDigits(double value)
    {
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var ePos = r.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            exponent = int.Parse(r.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..ePos];
        }

        var dot = r.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = dot < 0 ? r.Length : dot;
        var all = dot < 0 ? r : r.Remove(dot, 1);
        var leadingZeros = 0;
        while (leadingZeros < all.Length - 1 && all[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        var digits = all[leadingZeros..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        return (digits, integerDigits - leadingZeros + exponent);
    }

    /// <summary>round-half-up(x × 10^f) computed exactly on the binary value of <paramref name="x"/> (x ≥ 0).</summary>
    private static BigInteger ScaleAndRoundHalfUp(double x, int fractionDigits)
    {
        if (x == 0)
        {
            return BigInteger.Zero;
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var biased = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFL;
        long mantissa;
        int exponent;
        if (biased == 0)
        {
            mantissa = fraction;
            exponent = -1074;
        }
        else
        {
            mantissa = fraction | (1L << 52);
            exponent = biased - 1075;
        }

        var numerator = new BigInteger(mantissa) * BigInteger.Pow(10, fractionDigits);
        if (exponent >= 0)
        {
            return numerator << exponent;
        }

        var denominator = BigInteger.One << -exponent;
        return ((numerator * 2) + denominator) / (denominator * 2);
    }
}
