namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>A grouping separator of a decimal digit pattern: the character and the number of digit positions to its right.</summary>
/// <param name="Position">Digit positions (mandatory or optional) between the separator and the end of the pattern.</param>
/// <param name="Character">The separator (one code point).</param>
internal readonly record struct GroupingSeparator(int Position, string Character);
