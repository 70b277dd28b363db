namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>One token of a DynamoDB expression.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">Its text (a name, <c>#name</c>, <c>:value</c>, a number or a symbol).</param>
/// <param name="Position">Where it starts.</param>
internal sealed record ExpressionToken(ExpressionTokenKind Kind, string Text, int Position)
{
    /// <summary>Whether the token is the keyword (case-insensitive) or symbol.</summary>
    public bool Is(string text) =>
        Kind is ExpressionTokenKind.Name or ExpressionTokenKind.Symbol && string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The kinds of <see cref="ExpressionToken"/>.</summary>
internal enum ExpressionTokenKind
{
    /// <summary>A bare attribute name or keyword.</summary>
    Name,

    /// <summary>An expression attribute name (<c>#n</c>).</summary>
    NameReference,

    /// <summary>An expression attribute value (<c>:v</c>).</summary>
    ValueReference,

    /// <summary>A list index.</summary>
    Number,

    /// <summary>Punctuation or an operator.</summary>
    Symbol,

    /// <summary>The end.</summary>
    End,
}
