using System.Text.RegularExpressions;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>A compiled regex literal. It is a function value: applied to a string it returns a match object.</summary>
internal sealed class RegexMatcher : Callable
{
    /// <summary>Creates the matcher for a pattern and its flags.</summary>
    public RegexMatcher(string pattern, string flags, int position)
    {
        var options = RegexOptions.CultureInvariant | RegexOptions.Compiled;
        if (flags.Contains('i', StringComparison.Ordinal))
        {
            options |= RegexOptions.IgnoreCase;
        }

        if (flags.Contains('m', StringComparison.Ordinal))
        {
            options |= RegexOptions.Multiline;
        }

        Source = pattern;
        Position = position;
        Regex = Create(pattern, options | RegexOptions.ECMAScript) ?? Create(pattern, options)
            ?? throw new JsonataException("S0302", position).WithValue(pattern);
    }

    /// <summary>How long one match may run before <c>U1002</c> (a catastrophic pattern is stopped, not waited for).</summary>
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Compiles the pattern; ECMAScript mode is tried first (JavaScript's ASCII <c>\d</c>, <c>\w</c>, <c>\s</c>), then
    /// .NET's default syntax for constructs ECMAScript mode lacks (such as lookbehind). Null when neither accepts it.
    /// </summary>
    private static Regex? Create(string pattern, RegexOptions options)
    {
        try
        {
            return new Regex(pattern, options, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The pattern text.</summary>
    public string Source { get; }

    /// <summary>The offset of the literal in the expression.</summary>
    public int Position { get; }

    /// <summary>The compiled .NET regex.</summary>
    public Regex Regex { get; }

    /// <inheritdoc />
    public override int Arity => 2;

    /// <summary>Builds the JSONata match object (<c>match</c>, <c>start</c>, <c>end</c>, <c>groups</c>, <c>next</c>).</summary>
    public object? Exec(string str, int from)
    {
        if (from > str.Length)
        {
            return null;
        }

        var m = Regex.Match(str, from);
        if (!m.Success)
        {
            return null;
        }

        var groups = new JList(m.Groups.Count);
        for (var g = 1; g < m.Groups.Count; g++)
        {
            groups.Add(m.Groups[g].Success ? m.Groups[g].Value : string.Empty);
        }

        var end = m.Index + m.Length;
        var result = new JObject
        {
            ["match"] = m.Value,
            ["start"] = (double)m.Index,
            ["end"] = (double)end,
            ["groups"] = groups,
        };
        result["next"] = new BuiltinFunction("next", null, (_, _, _, _) =>
        {
            if (end >= str.Length)
            {
                return null;
            }

            var next = Exec(str, end);
            if (next is JObject o && o["match"] is string s && s.Length == 0)
            {
                throw new JsonataException("D1004", Position).WithValue(Source);
            }

            return next;
        }, 0);
        return result;
    }
}
