namespace AslOnDurable.Jsonata.Ast;

/// <summary>A stage applied after a step: a filter predicate or an index (<c>#$i</c>) binding.</summary>
/// <param name="Filter">The predicate expression, or null for an index stage.</param>
/// <param name="IndexVariable">The variable bound to the position, for an index stage.</param>
/// <param name="Position">The offset in the expression.</param>
internal sealed record Stage(AstNode? Filter, string? IndexVariable, int Position);
