namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>
/// The width modifier of a date/time variable marker (<c>,min-max</c>, XPath F&amp;O 3.1 §9.8.4.2):
/// <see langword="null"/> for an absent bound or <c>*</c>; a bound that is not a number is NaN, as in the reference.
/// </summary>
/// <param name="Min">The minimum width.</param>
/// <param name="Max">The maximum width.</param>
internal readonly record struct DateTimeWidth(double? Min, double? Max);
