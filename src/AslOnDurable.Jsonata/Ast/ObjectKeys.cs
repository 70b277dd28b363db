using System.Collections.Immutable;

namespace AslOnDurable.Jsonata.Ast;

/// <summary>What an object constructor's keys are known to be before it is evaluated.</summary>
internal static class ObjectKeys
{
    /// <summary>
    /// Whether every key is a plain string literal (no predicates, stages or grouping) and no two are the same: then the
    /// constructor builds its object without evaluating keys or checking them for clashes.
    /// </summary>
    public static bool AreDistinctLiterals(ImmutableArray<KeyValuePair<AstNode, AstNode>> pairs)
    {
        for (var i = 0; i < pairs.Length; i++)
        {
            var key = pairs[i].Key;
            if (key is not { Kind: NodeKind.String, Literal: string text, Predicates.IsEmpty: true, Stages.IsEmpty: true, Group: null })
            {
                return false;
            }

            for (var earlier = 0; earlier < i; earlier++)
            {
                if (string.Equals((string)pairs[earlier].Key.Literal!, text, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
