namespace AslOnDurable.Jsonata.Ast;

/// <summary>One term of an order-by clause.</summary>
/// <param name="Expression">The sort key expression.</param>
/// <param name="Descending">Whether the term sorts descending (<c>&gt;</c>).</param>
internal sealed record SortTerm(AstNode Expression, bool Descending);
