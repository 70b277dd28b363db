namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary><c>$formatBase(number [, radix])</c>: the number rounded (half even) and written in base 2–36.</summary>
internal static class BaseFormatter
{
    /// <summary>Writes <paramref name="value"/> in base <paramref name="radix"/> with lower-case digits.</summary>
    /// <param name="value">The number; it is rounded half-even to an integer first.</param>
    /// <param name="radix">The base, rounded half-even; <see langword="null"/> means 10.</param>
    /// <returns>The digits, with a leading <c>-</c> for a negative number.</returns>
    /// <exception cref="JsonataException">D3100 when the rounded radix is outside 2–36.</exception>
    public static string Format(double value, double? radix = null)
    {
        var rounded = JsNumber.RoundHalfEven(value);
        var r = radix is { } given ? JsNumber.RoundHalfEven(given) : 10;
        if (r < 2 || r > 36 || double.IsNaN(r))
        {
            throw new JsonataException("D3100").WithValue(r);
        }

        return JsNumber.ToRadixString(rounded, (int)r);
    }
}
