namespace AslOnDurable.Jsonata.Lexing;

/// <summary>One token of a JSONata expression.</summary>
/// <param name="Type">The token kind.</param>
/// <param name="Text">Operator symbol, name, string value or regex pattern.</param>
/// <param name="Literal">The literal value for numbers and values (boxed double, bool, or null marker).</param>
/// <param name="Position">The offset just after the token, as the reference implementation reports it.</param>
/// <param name="Flags">Regex flags (<c>i</c>, <c>m</c>), only for regex tokens.</param>
internal sealed record Token(TokenType Type, string Text, object? Literal, int Position, string? Flags = null);
