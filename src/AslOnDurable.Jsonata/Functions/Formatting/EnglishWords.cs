using System.Text.RegularExpressions;

namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>English cardinal and ordinal number words (<c>w</c>, <c>W</c>, <c>Ww</c> pictures), both ways.</summary>
internal static partial class EnglishWords
{
    private static readonly string[] Few =
    [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
        "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
    ];

    private static readonly string[] Ordinals =
    [
        "Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
        "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth",
    ];

    private static readonly string[] Decades = ["Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred"];

    private static readonly string[] Magnitudes = ["Thousand", "Million", "Billion", "Trillion"];

    /// <summary>Every recognised lower-case word with its value, in the reference's order (which the parsing regex follows).</summary>
    private static readonly IReadOnlyList<KeyValuePair<string, double>> WordList = BuildWordList();

    private static readonly Dictionary<string, double> WordValues = WordList.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>A regular expression matching a run of number words (as the date/time parser embeds it).</summary>
    public static string Pattern { get; } = "(?:" + string.Join('|', WordList.Select(p => p.Key).Append("and").Append(@"[\-, ]")) + ")+";

    /// <summary>
    /// Writes a non-negative integer in English words, title case ("One Hundred and Twenty-Three"),
    /// cardinal or ordinal; magnitudes above trillions repeat "Trillion".
    /// </summary>
    /// <exception cref="JsonataException">U1001 for a value that is not finite (the reference recurses without end).</exception>
    public static string ToWords(double value, bool ordinal)
    {
        if (!double.IsFinite(value))
        {
            throw new JsonataException("U1001");
        }

        return Lookup(value, false, ordinal);
    }

    /// <summary>Reads English number words (lower case) back into a number; unknown words give NaN.</summary>
    public static double ToNumber(string text)
    {
        var segments = new List<double> { 0 };
        foreach (var part in WordSplitter().Split(text))
        {
            double? value = WordValues.TryGetValue(part, out var v) ? v : null;
            if (value is { } small && small < 100)
            {
                var top = Pop(segments);
                if (top >= 1000)
                {
                    segments.Add(top);
                    top = 0;
                }

                segments.Add(top + small);
            }
            else
            {
                segments.Add(Pop(segments) * (value ?? double.NaN));
            }
        }

        return segments.Sum();
    }

    private static double Pop(List<double> stack)
    {
        if (stack.Count == 0)
        {
            return double.NaN;
        }

        var top = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return top;
    }

    private static string Lookup(double num, bool prev, bool ordinal)
    {
        string words;
        if (num <= 19)
        {
            var index = (int)num;
            words = (prev ? " and " : string.Empty) + (ordinal ? Ordinals[index] : Few[index]);
        }
        else if (num < 100)
        {
            var tens = (int)Math.Floor(num / 10);
            var remainder = num % 10;
            words = (prev ? " and " : string.Empty) + Decades[tens - 2];
            if (remainder > 0)
            {
                words += "-" + Lookup(remainder, false, ordinal);
            }
            else if (ordinal)
            {
                words = words[..^1] + "ieth";
            }
        }
        else if (num < 1000)
        {
            var hundreds = (int)Math.Floor(num / 100);
            var remainder = num % 100;
            words = (prev ? ", " : string.Empty) + Few[hundreds] + " Hundred";
            if (remainder > 0)
            {
                words += Lookup(remainder, true, ordinal);
            }
            else if (ordinal)
            {
                words += "th";
            }
        }
        else
        {
            var magnitude = (int)Math.Floor(Math.Log10(num) / 3);
            magnitude = Math.Clamp(magnitude, 1, Magnitudes.Length);
            var factor = Math.Pow(10, magnitude * 3);
            var mantissa = Math.Floor(num / factor);
            var remainder = num - (mantissa * factor);
            words = (prev ? ", " : string.Empty) + Lookup(mantissa, false, false) + " " + Magnitudes[magnitude - 1];
            if (remainder > 0)
            {
                words += Lookup(remainder, true, ordinal);
            }
            else if (ordinal)
            {
                words += "th";
            }
        }

        return words;
    }

    private static List<KeyValuePair<string, double>> BuildWordList()
    {
        var list = new List<KeyValuePair<string, double>>();
        void Add(string word, double value)
        {
            var existing = list.FindIndex(p => p.Key == word);
            if (existing >= 0)
            {
                list[existing] = new(word, value);
            }
            else
            {
                list.Add(new(word, value));
            }
        }

        for (var i = 0; i < Few.Length; i++)
        {
            Add(Few[i].ToLowerInvariant(), i);
        }

        for (var i = 0; i < Ordinals.Length; i++)
        {
            Add(Ordinals[i].ToLowerInvariant(), i);
        }

        for (var i = 0; i < Decades.Length; i++)
        {
            var word = Decades[i].ToLowerInvariant();
            Add(word, (i + 2) * 10);
            Add(word[..^1] + "ieth", (i + 2) * 10);
        }

        Add("hundredth", 100);
        for (var i = 0; i < Magnitudes.Length; i++)
        {
            var word = Magnitudes[i].ToLowerInvariant();
            var value = Math.Pow(10, (i + 1) * 3);
            Add(word, value);
            Add(word + "th", value);
        }

        return list;
    }

    [GeneratedRegex(@",\s|\sand\s|[\s\\-]", RegexOptions.CultureInvariant)]
    private static partial Regex WordSplitter();
}
