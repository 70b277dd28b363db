using System.Collections.Immutable;

namespace AslOnDurable.Core.Errors;

/// <summary>The one place that decides whether an error name matches a Retry or Catch rule's <c>ErrorEquals</c>.</summary>
/// <remarks>
/// AWS: <c>States.ALL</c> matches any error name except <c>States.Runtime</c>; <c>States.TaskFailed</c> matches any
/// error name except <c>States.Timeout</c> (and, like States.ALL, never <c>States.Runtime</c>). Other names match
/// only themselves (case-sensitive). Errors the engine raises as terminal (a <c>States.Runtime</c> from evaluating a
/// path, a <c>States.DataLimitExceeded</c> on a state's own output) are never offered to Retry or Catch at all,
/// so not even an explicit <c>"States.Runtime"</c> catches them; a task that itself fails with one of those names
/// can be caught by name or by States.ALL.
/// </remarks>
public static class ErrorMatcher
{
    /// <summary>Whether one <c>ErrorEquals</c> entry matches an error name.</summary>
    /// <param name="pattern">The entry (an error name, <c>States.ALL</c> or <c>States.TaskFailed</c>).</param>
    /// <param name="error">The error name raised.</param>
    /// <returns>Whether the entry matches.</returns>
    public static bool Matches(string pattern, string error)
    {
        if (string.Equals(pattern, error, StringComparison.Ordinal))
        {
            return true;
        }

        return pattern switch
        {
            StatesErrorNames.All => !string.Equals(error, StatesErrorNames.Runtime, StringComparison.Ordinal),
            StatesErrorNames.TaskFailed => !string.Equals(error, StatesErrorNames.Timeout, StringComparison.Ordinal)
                && !string.Equals(error, StatesErrorNames.Runtime, StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>Whether any entry of an <c>ErrorEquals</c> list matches an error name.</summary>
    /// <param name="errorEquals">The rule's entries.</param>
    /// <param name="error">The error name raised.</param>
    /// <returns>Whether the rule applies.</returns>
    public static bool MatchesAny(ImmutableArray<string> errorEquals, string error)
    {
        foreach (var pattern in errorEquals)
        {
            if (Matches(pattern, error))
            {
                return true;
            }
        }

        return false;
    }
}
