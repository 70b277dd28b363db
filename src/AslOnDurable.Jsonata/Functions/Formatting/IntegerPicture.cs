using System.Text;

namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>
/// The analysed form of an XPath <c>format-integer</c> picture (<c>primary-format-token[;format-modifier]</c>)
/// as JSONata uses it for <c>$formatInteger</c>, <c>$parseInteger</c> and the integer components of date/time pictures.
/// </summary>
internal sealed class IntegerPicture
{
    // The zero code points of the Unicode decimal digit families the reference recognises.
    private static readonly int[] DecimalGroups =
    [
        0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6,
        0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
        0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    ];

    private IntegerPicture(IntegerPrimaryFormat primary, LetterCase letterCase, bool ordinal, string token)
    {
        Primary = primary;
        Case = letterCase;
        Ordinal = ordinal;
        Token = token;
    }

    /// <summary>The numbering system.</summary>
    public IntegerPrimaryFormat Primary { get; }

    /// <summary>The letter case (lower unless the token is upper or title case).</summary>
    public LetterCase Case { get; }

    /// <summary>Whether the format modifier asks for ordinal numbers (<c>;o</c>).</summary>
    public bool Ordinal { get; }

    /// <summary>The primary format token (reported by D3130).</summary>
    public string Token { get; }

    /// <summary>The code point of zero in the decimal digit family (decimal only).</summary>
    public int ZeroCode { get; private init; } = 0x30;

    /// <summary>The minimum number of digits (decimal only); date/time width modifiers may raise it.</summary>
    public int MandatoryDigits { get; set; }

    /// <summary>The number of optional-digit signs <c>#</c> (decimal only).</summary>
    public int OptionalDigits { get; private init; }

    /// <summary>Whether the grouping separators repeat regularly (then <see cref="RegularSeparator"/> applies to every group).</summary>
    public bool Regular { get; private init; }

    /// <summary>The repeating separator when <see cref="Regular"/>.</summary>
    public GroupingSeparator RegularSeparator { get; private init; }

    /// <summary>The separators of an irregular pattern, nearest to the end of the pattern first.</summary>
    public IReadOnlyList<GroupingSeparator> Separators { get; private init; } = [];

    /// <summary>
    /// JSONata 2.0.6's digit count for parsing a year, month or day (the width, or −1 for "any");
    /// only date/time pictures set it.
    /// </summary>
    public double ParseWidth { get; set; } = double.NaN;

    /// <summary>Analyses an integer picture.</summary>
    /// <exception cref="JsonataException">D3131 when a decimal pattern mixes digit families.</exception>
    public static IntegerPicture Analyse(string picture)
    {
        var semicolon = picture.LastIndexOf(';');
        var primaryToken = semicolon == -1 ? picture : picture[..semicolon];
        var ordinal = semicolon != -1 && semicolon + 1 < picture.Length && picture[semicolon + 1] == 'o';

        switch (primaryToken)
        {
            case "A":
                return new IntegerPicture(IntegerPrimaryFormat.Letters, LetterCase.Upper, ordinal, primaryToken);
            case "a":
                return new IntegerPicture(IntegerPrimaryFormat.Letters, LetterCase.Lower, ordinal, primaryToken);
            case "I":
                return new IntegerPicture(IntegerPrimaryFormat.Roman, LetterCase.Upper, ordinal, primaryToken);
            case "i":
                return new IntegerPicture(IntegerPrimaryFormat.Roman, LetterCase.Lower, ordinal, primaryToken);
            case "W":
                return new IntegerPicture(IntegerPrimaryFormat.Words, LetterCase.Upper, ordinal, primaryToken);
            case "Ww":
                return new IntegerPicture(IntegerPrimaryFormat.Words, LetterCase.Title, ordinal, primaryToken);
            case "w":
                return new IntegerPicture(IntegerPrimaryFormat.Words, LetterCase.Lower, ordinal, primaryToken);
            default:
                return AnalyseDigitPattern(primaryToken, ordinal);
        }
    }

    private static IntegerPicture AnalyseDigitPattern(string token, bool ordinal)
    {
        int? zeroCode = null;
        var mandatory = 0;
        var optional = 0;
        var position = 0;
        var separators = new List<GroupingSeparator>();

        // Walk the pattern from its end so that each separator knows how many digit positions follow it.
        var runes = token.EnumerateRunes().ToList();
        runes.Reverse();
        foreach (var rune in runes)
        {
            var codePoint = rune.Value;
            var group = Array.Find(DecimalGroups, g => codePoint >= g && codePoint <= g + 9);
            if (group != 0)
            {
                mandatory++;
                position++;
                if (zeroCode is null)
                {
                    zeroCode = group;
                }
                else if (zeroCode != group)
                {
                    throw new JsonataException("D3131");
                }
            }
            else if (codePoint == '#')
            {
                position++;
                optional++;
            }
            else
            {
                separators.Add(new GroupingSeparator(position, rune.ToString()));
            }
        }

        if (mandatory == 0)
        {
            return new IntegerPicture(IntegerPrimaryFormat.Sequence, LetterCase.Lower, ordinal, token);
        }

        var interval = RegularInterval(separators);
        return new IntegerPicture(IntegerPrimaryFormat.Decimal, LetterCase.Lower, ordinal, token)
        {
            ZeroCode = zeroCode!.Value,
            MandatoryDigits = mandatory,
            OptionalDigits = optional,
            Regular = interval > 0,
            RegularSeparator = interval > 0 ? new GroupingSeparator(interval, separators[0].Character) : default,
            Separators = interval > 0 ? [] : separators,
        };
    }

    private static int RegularInterval(List<GroupingSeparator> separators)
    {
        if (separators.Count == 0 || separators.Any(s => s.Character != separators[0].Character))
        {
            return 0;
        }

        return NumberFormatter.RegularInterval(separators.Select(s => s.Position).ToList());
    }

    /// <summary>Maps every code point of <paramref name="text"/> from the ASCII digit family to this picture's family.</summary>
    internal string ToFamily(string text)
    {
        if (ZeroCode == 0x30)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var mapped = rune.Value + ZeroCode - 0x30;
            sb.Append(Rune.IsValid(mapped) ? new Rune(mapped).ToString() : rune.ToString());
        }

        return sb.ToString();
    }
}
