namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary><c>$parseInteger(string, picture)</c>: the inverse of <see cref="IntegerFormatter"/>.</summary>
internal static class IntegerParser
{
    /// <summary>Reads <paramref name="value"/> as an integer written per <paramref name="picture"/>.</summary>
    /// <param name="value">The text, e.g. <c>12,345</c>, <c>23rd</c>, <c>MCMLXXXIV</c>, <c>twenty-one</c>.</param>
    /// <param name="picture">The picture it was written with (see <see cref="IntegerFormatter.Format(double, string)"/>).</param>
    /// <returns>
    /// The number; like the reference, the text is not validated against the picture, and text that cannot be read gives
    /// NaN (which JSONata 2.0.6 returns as is: JSON output shows it as <c>null</c>).
    /// </returns>
    /// <exception cref="JsonataException">D3130 for an unsupported numbering sequence, D3131 for mixed digit families.</exception>
    public static double Parse(string value, string picture) =>
        IntegerMatcher.For(IntegerPicture.Analyse(picture)).Parse(value);
}
