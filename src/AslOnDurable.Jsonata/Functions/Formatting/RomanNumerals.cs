using System.Text;

namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>Roman numerals (<c>i</c>/<c>I</c> pictures), both ways.</summary>
internal static class RomanNumerals
{
    private static readonly (int Value, string Numeral)[] Table =
    [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ];

    /// <summary>Lower-case numerals for a non-negative integer; "" for zero.</summary>
    /// <exception cref="JsonataException">U1001 from a hundred million (the reference overflows its stack there).</exception>
    public static string ToRoman(double value)
    {
        if (value >= 1e8)
        {
            throw new JsonataException("U1001");
        }

        var sb = new StringBuilder();
        var remaining = value;
        foreach (var (amount, numeral) in Table)
        {
            while (remaining >= amount)
            {
                sb.Append(numeral);
                remaining -= amount;
            }
        }

        return sb.ToString();
    }

    /// <summary>Reads upper-case numerals (subtractive where a smaller numeral precedes a larger one); any other character gives NaN.</summary>
    public static double FromRoman(string roman)
    {
        var result = 0.0;
        var max = 1;
        for (var i = roman.Length - 1; i >= 0; i--)
        {
            var value = roman[i] switch
            {
                'M' => 1000,
                'D' => 500,
                'C' => 100,
                'L' => 50,
                'X' => 10,
                'V' => 5,
                'I' => 1,
                _ => 0,
            };
            if (value == 0)
            {
                return double.NaN;
            }

            if (value < max)
            {
                result -= value;
            }
            else
            {
                max = value;
                result += value;
            }
        }

        return result;
    }
}
