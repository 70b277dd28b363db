namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>The analysed form of one <c>$formatNumber</c> sub-picture (XPath F&amp;O 3.1 §4.7.4).</summary>
internal sealed record NumberSubPicture
{
    /// <summary>The sub-picture text.</summary>
    public required string Picture { get; init; }

    /// <summary>Text before the first active character (for the implied negative picture, the minus sign comes first).</summary>
    public required string Prefix { get; init; }

    /// <summary>Text after the last active character.</summary>
    public required string Suffix { get; init; }

    /// <summary>Numbers of digit positions to the right of each grouping separator of the integer part, left to right.</summary>
    public required IReadOnlyList<int> IntegerGroupingPositions { get; init; }

    /// <summary>The regular grouping interval, or 0 when the integer part's grouping is irregular or absent.</summary>
    public required int RegularGrouping { get; init; }

    /// <summary>Numbers of digit positions to the left of each grouping separator of the fractional part.</summary>
    public required IReadOnlyList<int> FractionalGroupingPositions { get; init; }

    /// <summary>Minimum number of integer digits.</summary>
    public required int MinimumIntegerPartSize { get; init; }

    /// <summary>Number of mandatory integer digits, which scales the mantissa in exponent notation.</summary>
    public required int ScalingFactor { get; init; }

    /// <summary>Minimum number of fractional digits.</summary>
    public required int MinimumFractionalPartSize { get; init; }

    /// <summary>Maximum number of fractional digits.</summary>
    public required int MaximumFractionalPartSize { get; init; }

    /// <summary>Minimum number of exponent digits; 0 when the picture has no exponent.</summary>
    public required int MinimumExponentSize { get; init; }
}
