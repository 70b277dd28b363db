using System.Globalization;

namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>
/// A regular-expression fragment that recognises an integer written per an <see cref="IntegerPicture"/>, and the
/// function that reads a recognised string back into its value (NaN when it cannot).
/// </summary>
internal sealed class IntegerMatcher
{
    private IntegerMatcher(string pattern, Func<string, double> parse)
    {
        Pattern = pattern;
        Parse = parse;
    }

    /// <summary>The regular expression fragment (no anchors, no capturing groups).</summary>
    public string Pattern { get; }

    /// <summary>Reads a string into its value; NaN when it is not a number in this picture.</summary>
    public Func<string, double> Parse { get; }

    /// <summary>Builds the matcher for <paramref name="picture"/>.</summary>
    /// <exception cref="JsonataException">D3130 for an unsupported numbering sequence.</exception>
    public static IntegerMatcher For(IntegerPicture picture)
    {
        var upper = picture.Case == LetterCase.Upper;
        switch (picture.Primary)
        {
            case IntegerPrimaryFormat.Letters:
                return new IntegerMatcher(upper ? "[A-Z]+" : "[a-z]+", v => AlphabeticNumerals.FromLetters(v, upper ? 'A' : 'a'));
            case IntegerPrimaryFormat.Roman:
                return new IntegerMatcher(upper ? "[MDCLXVI]+" : "[mdclxvi]+", v => RomanNumerals.FromRoman(upper ? v : v.ToUpperInvariant()));
            case IntegerPrimaryFormat.Words:
                return new IntegerMatcher(EnglishWords.Pattern, v => EnglishWords.ToNumber(v.ToLowerInvariant()));
            case IntegerPrimaryFormat.Decimal:
                var pattern = "[0-9]" + Occurrences(picture);
                if (picture.Ordinal)
                {
                    pattern += "(?:th|st|nd|rd)";
                }

                return new IntegerMatcher(pattern, v => ParseDecimal(v, picture));
            default:
                throw new JsonataException("D3130").WithValue(picture.Token);
        }
    }

    private static string Occurrences(IntegerPicture picture)
    {
        var n = picture.ParseWidth;
        if (!(n > 0))
        {
            return "+";
        }

        var width = ((int)n).ToString(CultureInfo.InvariantCulture);
        return picture.OptionalDigits == 0
            ? "{" + width + "}"
            : "{" + (n - picture.OptionalDigits).ToString(CultureInfo.InvariantCulture) + "," + width + "}";
    }

    private static double ParseDecimal(string value, IntegerPicture picture)
    {
        var digits = value;
        if (picture.Ordinal)
        {
            digits = JsString.Substring(value, 0, value.Length - 2);
        }

        if (picture.Regular)
        {
            // The reference strips commas here, whatever the pattern's separator is.
            digits = digits.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else
        {
            foreach (var separator in picture.Separators)
            {
                digits = digits.Replace(separator.Character, string.Empty, StringComparison.Ordinal);
            }
        }

        if (picture.ZeroCode != 0x30)
        {
            digits = string.Concat(digits.Select(c =>
            {
                var mapped = c - picture.ZeroCode + 0x30;
                return mapped is >= 0 and <= 0xFFFF ? ((char)mapped).ToString() : "\uFFFD";
            }));
        }

        return JsNumber.ParseInt(digits);
    }
}
