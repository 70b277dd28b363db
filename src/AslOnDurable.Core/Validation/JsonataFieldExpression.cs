namespace AslOnDurable.Core.Validation;

/// <summary>A whole <c>{% ... %}</c> string found in a JSONata-mode field.</summary>
/// <param name="Body">The text between <c>{%</c> and <c>%}</c>.</param>
/// <param name="Pointer">The JSON Pointer of the string.</param>
internal sealed record JsonataFieldExpression(string Body, string Pointer);
