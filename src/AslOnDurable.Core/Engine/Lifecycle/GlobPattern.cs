namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>A compiled <c>StringMatches</c> pattern: <c>*</c> matches any text, <c>\*</c> and <c>\\</c> are literals.</summary>
internal sealed class GlobPattern
{
    private readonly string[] segments;

    private GlobPattern(string[] segments)
    {
        this.segments = segments;
    }

    /// <summary>Compiles a pattern.</summary>
    public static GlobPattern Compile(string pattern)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && (pattern[i + 1] == '*' || pattern[i + 1] == '\\'))
            {
                current.Append(pattern[++i]);
            }
            else if (c == '*')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString());
        return new GlobPattern([.. parts]);
    }

    /// <summary>Whether the whole text matches.</summary>
    public bool IsMatch(string text)
    {
        if (segments.Length == 1)
        {
            return string.Equals(segments[0], text, StringComparison.Ordinal);
        }

        var first = segments[0];
        var last = segments[^1];
        if (!text.StartsWith(first, StringComparison.Ordinal) || text.Length < first.Length + last.Length
            || !text.EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }

        var position = first.Length;
        var end = text.Length - last.Length;
        for (var i = 1; i < segments.Length - 1; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                continue;
            }

            var found = text.IndexOf(segment, position, end - position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + segment.Length;
        }

        return position <= end;
    }
}
