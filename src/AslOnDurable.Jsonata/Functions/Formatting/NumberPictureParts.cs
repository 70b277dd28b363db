namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>
/// One sub-picture of a <c>$formatNumber</c> picture split into its parts (XPath F&amp;O 3.1 §4.7.3),
/// exactly as the reference implementation splits it (including its quirks: without a decimal separator
/// the suffix stands as the fractional part, and the exponent position is taken relative to the sub-picture).
/// </summary>
internal sealed record NumberPictureParts(
    string SubPicture,
    string Prefix,
    string Suffix,
    string ActivePart,
    string MantissaPart,
    string? ExponentPart,
    string IntegerPart,
    string FractionalPart);
