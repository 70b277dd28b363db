using System.Collections.Immutable;

namespace AslOnDurable.Jsonata.Ast;

/// <summary>An object constructor used as a grouping expression (key/value pairs).</summary>
/// <param name="Pairs">The key and value expressions.</param>
/// <param name="Position">The offset in the expression.</param>
internal sealed record GroupSpec(ImmutableArray<KeyValuePair<AstNode, AstNode>> Pairs, int Position)
{
    /// <summary>Whether every key is a plain string literal and no two are the same (see <see cref="ObjectKeys"/>).</summary>
    public bool HasDistinctLiteralKeys { get; } = ObjectKeys.AreDistinctLiterals(Pairs);
}
