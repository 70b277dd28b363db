namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>The letter case of words, letters, numerals and names in picture strings.</summary>
internal enum LetterCase
{
    /// <summary>Lower case (<c>w</c>, <c>a</c>, <c>i</c>, <c>n</c>).</summary>
    Lower,

    /// <summary>Upper case (<c>W</c>, <c>A</c>, <c>I</c>, <c>N</c>).</summary>
    Upper,

    /// <summary>Title case (<c>Ww</c>, <c>Nn</c>).</summary>
    Title,
}
