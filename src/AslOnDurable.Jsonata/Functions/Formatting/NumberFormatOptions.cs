namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>
/// The decimal-format properties of <c>$formatNumber</c>'s third argument (XPath F&amp;O 3.1 §4.7.1),
/// with the reference implementation's defaults.
/// </summary>
internal sealed record NumberFormatOptions
{
    /// <summary>The defaults used when <c>$formatNumber</c> has no options argument.</summary>
    public static NumberFormatOptions Default { get; } = new();

    /// <summary>Option <c>decimal-separator</c>.</summary>
    public string DecimalSeparator { get; init; } = ".";

    /// <summary>Option <c>grouping-separator</c>.</summary>
    public string GroupingSeparator { get; init; } = ",";

    /// <summary>Option <c>exponent-separator</c>.</summary>
    public string ExponentSeparator { get; init; } = "e";

    /// <summary>Option <c>infinity</c>.</summary>
    public string Infinity { get; init; } = "Infinity";

    /// <summary>Option <c>minus-sign</c>.</summary>
    public string MinusSign { get; init; } = "-";

    /// <summary>Option <c>NaN</c>.</summary>
    public string NaN { get; init; } = "NaN";

    /// <summary>Option <c>percent</c>.</summary>
    public string Percent { get; init; } = "%";

    /// <summary>Option <c>per-mille</c>.</summary>
    public string PerMille { get; init; } = "\u2030";

    /// <summary>Option <c>zero-digit</c>: the first of the ten digits used.</summary>
    public string ZeroDigit { get; init; } = "0";

    /// <summary>Option <c>digit</c>: the optional-digit sign.</summary>
    public string Digit { get; init; } = "#";

    /// <summary>Option <c>pattern-separator</c>: separates the positive and negative sub-pictures.</summary>
    public string PatternSeparator { get; init; } = ";";

    /// <summary>
    /// Builds options from the entries of a JSONata object, keyed by the XPath property names
    /// (<c>decimal-separator</c>, <c>grouping-separator</c>, <c>exponent-separator</c>, <c>infinity</c>,
    /// <c>minus-sign</c>, <c>NaN</c>, <c>percent</c>, <c>per-mille</c>, <c>zero-digit</c>, <c>digit</c>,
    /// <c>pattern-separator</c>); other keys are ignored, missing ones keep their defaults.
    /// </summary>
    public static NumberFormatOptions FromProperties(IEnumerable<KeyValuePair<string, string>> properties)
    {
        var options = Default;
        foreach (var (key, value) in properties)
        {
            options = key switch
            {
                "decimal-separator" => options with { DecimalSeparator = value },
                "grouping-separator" => options with { GroupingSeparator = value },
                "exponent-separator" => options with { ExponentSeparator = value },
                "infinity" => options with { Infinity = value },
                "minus-sign" => options with { MinusSign = value },
                "NaN" => options with { NaN = value },
                "percent" => options with { Percent = value },
                "per-mille" => options with { PerMille = value },
                "zero-digit" => options with { ZeroDigit = value },
                "digit" => options with { Digit = value },
                "pattern-separator" => options with { PatternSeparator = value },
                _ => options,
            };
        }

        return options;
    }
}
