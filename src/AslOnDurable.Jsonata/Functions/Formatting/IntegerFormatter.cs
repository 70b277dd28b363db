namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary><c>$formatInteger(number, picture)</c>: XPath F&amp;O 3.1 <c>format-integer</c> as JSONata implements it.</summary>
internal static class IntegerFormatter
{
    /// <summary>Formats the integer part (floor) of <paramref name="value"/> according to <paramref name="picture"/>.</summary>
    /// <param name="value">The number; it is rounded down first.</param>
    /// <param name="picture">E.g. <c>000</c>, <c>#,##0</c>, <c>0;o</c>, <c>a</c>, <c>I</c>, <c>w</c>, <c>Ww;o</c>, <c>١</c>.</param>
    /// <returns>The formatted integer.</returns>
    /// <exception cref="JsonataException">D3130 for an unsupported numbering sequence, D3131 for mixed digit families.</exception>
    public static string Format(double value, string picture) =>
        Format(Math.Floor(value), IntegerPicture.Analyse(picture));

    /// <summary>Formats an integer with an analysed picture (the date/time formatter's entry point; no rounding).</summary>
    internal static string Format(double value, IntegerPicture picture)
    {
        var negative = value < 0;
        var magnitude = Math.Abs(value);
        var text = picture.Primary switch
        {
            IntegerPrimaryFormat.Letters => AlphabeticNumerals.ToLetters(magnitude, picture.Case == LetterCase.Upper ? 'A' : 'a'),
            IntegerPrimaryFormat.Roman => picture.Case == LetterCase.Upper
                ? RomanNumerals.ToRoman(magnitude).ToUpperInvariant()
                : RomanNumerals.ToRoman(magnitude),
            IntegerPrimaryFormat.Words => picture.Case switch
            {
                LetterCase.Upper => EnglishWords.ToWords(magnitude, picture.Ordinal).ToUpperInvariant(),
                LetterCase.Lower => EnglishWords.ToWords(magnitude, picture.Ordinal).ToLowerInvariant(),
                _ => EnglishWords.ToWords(magnitude, picture.Ordinal),
            },
            IntegerPrimaryFormat.Decimal => FormatDecimal(magnitude, picture),
            _ => throw new JsonataException("D3130").WithValue(picture.Token),
        };

        return negative ? "-" + text : text;
    }

    private static string FormatDecimal(double magnitude, IntegerPicture picture)
    {
        var text = JsNumber.ToString(magnitude);
        if (picture.MandatoryDigits > text.Length)
        {
            text = new string('0', picture.MandatoryDigits - text.Length) + text;
        }

        text = picture.ToFamily(text);

        if (picture.Regular)
        {
            var interval = picture.RegularSeparator.Position;
            var groups = (text.Length - 1) / interval;
            for (var i = groups; i > 0; i--)
            {
                var at = text.Length - (i * interval);
                text = text[..at] + picture.RegularSeparator.Character + text[at..];
            }
        }
        else
        {
            // Separators are inserted furthest-from-the-end first; positions beyond the digits clamp like JavaScript's substr.
            for (var i = picture.Separators.Count - 1; i >= 0; i--)
            {
                var separator = picture.Separators[i];
                var at = text.Length - separator.Position;
                text = JsString.Substr(text, 0, at) + separator.Character + JsString.Substr(text, at);
            }
        }

        if (picture.Ordinal)
        {
            var last = text.Length > 0 ? text[^1] : '\0';
            var suffix = last switch
            {
                '1' => "st",
                '2' => "nd",
                '3' => "rd",
                _ => "th",
            };
            if (text.Length > 1 && text[^2] == '1')
            {
                suffix = "th";
            }

            text += suffix;
        }

        return text;
    }
}
