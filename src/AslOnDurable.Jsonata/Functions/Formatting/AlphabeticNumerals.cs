using System.Text;

namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>Spreadsheet-style letter numbering (<c>a</c>/<c>A</c> pictures): a…z, aa…az, ba…, both ways.</summary>
internal static class AlphabeticNumerals
{
    /// <summary>Letters for a non-negative integer, starting from <paramref name="first"/> ('a' or 'A'); "" for zero.</summary>
    public static string ToLetters(double value, char first)
    {
        var letters = new StringBuilder();
        var remaining = value;
        while (remaining > 0)
        {
            letters.Insert(0, (char)(((remaining - 1) % 26) + first));
            remaining = Math.Floor((remaining - 1) / 26);
        }

        return letters.ToString();
    }

    /// <summary>Reads letters back into a number (no validation, like the reference).</summary>
    public static double FromLetters(string letters, char first)
    {
        var result = 0.0;
        for (var i = 0; i < letters.Length; i++)
        {
            result += (letters[letters.Length - i - 1] - first + 1) * Math.Pow(26, i);
        }

        return result;
    }
}
