namespace AslOnDurable.Core.Validation;

/// <summary>One JSONPath-mode path field of a state.</summary>
/// <param name="Text">The path text.</param>
/// <param name="Pointer">The JSON Pointer of the field.</param>
/// <param name="Kind">What the field may hold.</param>
internal sealed record JsonPathField(string Text, string Pointer, PathKind Kind);
