namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>The numbering system selected by the primary token of an integer picture.</summary>
internal enum IntegerPrimaryFormat
{
    /// <summary>A decimal digit pattern such as <c>0001</c>, <c>#,##0</c> or <c>١</c>.</summary>
    Decimal,

    /// <summary>Spreadsheet-style letters (<c>a</c>/<c>A</c>): a…z, aa, ab….</summary>
    Letters,

    /// <summary>Roman numerals (<c>i</c>/<c>I</c>).</summary>
    Roman,

    /// <summary>English words (<c>w</c>, <c>W</c>, <c>Ww</c>).</summary>
    Words,

    /// <summary>Any other token: a numbering sequence this implementation does not support (D3130).</summary>
    Sequence,
}
