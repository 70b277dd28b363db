namespace AslOnDurable.Jsonata.Parsing;

/// <summary>A filter or index stage while the tree is being processed.</summary>
/// <param name="Filter">The predicate, or null for an index stage.</param>
/// <param name="IndexVariable">The index variable name for an index stage.</param>
/// <param name="Position">The offset in the expression.</param>
internal sealed record ParseStage(ParseNode? Filter, string? IndexVariable, int Position);
