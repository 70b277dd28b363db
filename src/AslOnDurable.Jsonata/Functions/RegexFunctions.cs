using System.Globalization;
using System.Text;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Functions;

/// <summary>Pattern functions: <c>$contains</c>, <c>$match</c>, <c>$replace</c>, <c>$split</c>.</summary>
internal static class RegexFunctions
{
    /// <summary>Registers the functions.</summary>
    public static void Register(FunctionRegistration add)
    {
        add("contains", "<s-(sf):b>", 2, static (ev, a, _, frame) =>
        {
            if (a[0] is not string s)
            {
                return null;
            }

            if (a[1] is string token)
            {
                return ValueConverter.Box(s.Contains(token, StringComparison.Ordinal));
            }

            if (a[1] is RegexMatcher regex)
            {
                return ValueConverter.Box(regex.Regex.IsMatch(s));
            }

            return ValueConverter.Box(FirstMatch(ev, a[1], s, frame) is not null);
        });
        add("match", "<s-f<s:o>n?:a<o>>", 3, static (ev, a, _, frame) =>
        {
            if (a[0] is not string s)
            {
                return null;
            }

            var limit = a.Length > 2 ? a[2] as double? : null;
            if (limit < 0)
            {
                throw new JsonataException("D3040").WithValue(limit.Value).WithIndex(3);
            }

            var result = JList.Sequence();
            if (limit is null || limit > 0)
            {
                var count = 0;
                var m = FirstMatch(ev, a[1], s, frame);
                while (m is not null && (limit is null || count < limit))
                {
                    result.Add(new JObject { ["match"] = m.Match, ["index"] = (double)m.Start, ["groups"] = m.Groups });
                    m = NextMatch(ev, m, frame);
                    count++;
                }
            }

            return result;
        });
        add("replace", "<s-(sf)(sf)n?:s>", 4, static (ev, a, _, frame) =>
            a[0] is string s ? Replace(ev, s, a[1], a[2], a.Length > 3 ? a[3] as double? : null, frame) : null);
        add("split", "<s-(sf)n?:a<s>>", 3, static (ev, a, _, frame) =>
        {
            if (a[0] is not string s)
            {
                return null;
            }

            var limit = a.Length > 2 ? a[2] as double? : null;
            if (limit < 0)
            {
                throw new JsonataException("D3020").WithValue(limit.Value).WithIndex(3);
            }

            var result = new JList();
            if (limit is not null && limit <= 0)
            {
                return result;
            }

            if (a[1] is string separator)
            {
                if (separator.Length == 0)
                {
                    foreach (var c in s)
                    {
                        result.Add(c.ToString());
                    }
                }
                else
                {
                    var from = 0;
                    int at;
                    while ((at = s.IndexOf(separator, from, StringComparison.Ordinal)) >= 0)
                    {
                        result.Add(s[from..at]);
                        from = at + separator.Length;
                    }

                    result.Add(s[from..]);
                }

                if (limit is not null && result.Count > limit)
                {
                    result.RemoveRange((int)limit.Value, result.Count - (int)limit.Value);
                }

                return result;
            }

            if (a[1] is RegexMatcher splitter && TryScan(splitter, s, limit, out var spans))
            {
                var last = 0;
                foreach (var (spanStart, spanEnd) in spans)
                {
                    result.Add(s[last..spanStart]);
                    last = spanEnd;
                }

                if (limit is null || spans.Count < limit)
                {
                    result.Add(s[last..]);
                }

                return result;
            }

            var count = 0;
            var m = FirstMatch(ev, a[1], s, frame);
            if (m is null)
            {
                result.Add(s);
                return result;
            }

            var start = 0;
            while (m is not null && (limit is null || count < limit))
            {
                result.Add(s[start..m.Start]);
                start = m.End;
                m = NextMatch(ev, m, frame);
                count++;
            }

            if (limit is null || count < limit)
            {
                result.Add(s[start..]);
            }

            return result;
        });
    }

    /// <summary>
    /// Collects non-empty, non-overlapping matches without allocating match objects. Returns false when an
    /// empty match shows up, so the caller takes the exact path (which reports D1004 where JSONata does).
    /// </summary>
    private static bool TryScan(RegexMatcher regex, string s, double? limit, out List<(int Start, int End)> spans)
    {
        spans = [];
        foreach (var match in regex.Regex.EnumerateMatches(s))
        {
            if (limit is not null && spans.Count >= limit)
            {
                break;
            }

            if (match.Length == 0)
            {
                return false;
            }

            spans.Add((match.Index, match.Index + match.Length));
        }

        return true;
    }

    private static MatchResult? FirstMatch(Evaluator ev, object? matcher, string s, Frame frame)
    {
        if (matcher is RegexMatcher regex)
        {
            return FromRegex(regex, s, 0);
        }

        return ToMatch(ev.Apply(matcher, [s], null, frame));
    }

    private static MatchResult? FromRegex(RegexMatcher regex, string s, int from)
    {
        var m = regex.Regex.Match(s, from);
        if (!m.Success)
        {
            return null;
        }

        return new MatchResult(m, regex, s);
    }

    private static MatchResult? NextMatch(Evaluator ev, MatchResult previous, Frame frame)
    {
        if (previous.Regex is { } regex)
        {
            if (previous.End >= previous.Input.Length)
            {
                return null;
            }

            var following = FromRegex(regex, previous.Input, previous.End);
            if (following is { Match.Length: 0 })
            {
                throw new JsonataException("D1004", regex.Position).WithValue(regex.Source);
            }

            return following;
        }

        var next = previous.Source!.TryGetValue("next", out var f) ? f : null;
        if (next is not Callable)
        {
            return null;
        }

        return ToMatch(ev.Apply(next, [], null, frame));
    }

    private static MatchResult? ToMatch(object? result)
    {
        if (result is null)
        {
            return null;
        }

        if (result is not JObject obj
            || !(obj.GetValueOrDefault("start") is double || obj.GetValueOrDefault("groups") is JList || obj.GetValueOrDefault("next") is Callable))
        {
            throw new JsonataException("T1010");
        }

        var match = obj.GetValueOrDefault("match") as string ?? string.Empty;
        var start = obj.GetValueOrDefault("start") is double st ? (int)st : 0;
        var end = obj.GetValueOrDefault("end") is double en ? (int)en : start + match.Length;
        var groups = obj.GetValueOrDefault("groups") as JList ?? [];
        return new MatchResult(match, start, end, groups, obj);
    }

    private static string Replace(Evaluator ev, string s, object? pattern, object? replacement, double? limit, Frame frame)
    {
        if (pattern is string { Length: 0 })
        {
            throw new JsonataException("D3010").WithValue(pattern).WithIndex(2);
        }

        if (limit < 0)
        {
            throw new JsonataException("D3011").WithValue(limit.Value).WithIndex(4);
        }

        if (limit is not null && limit <= 0)
        {
            return s;
        }

        var sb = new StringBuilder();
        var position = 0;
        var count = 0;
        if (pattern is string p)
        {
            var index = s.IndexOf(p, StringComparison.Ordinal);
            while (index != -1 && (limit is null || count < limit))
            {
                sb.Append(s, position, index - position);
                sb.Append(replacement is string r ? r : ValueSemantics.ToJsonataString(replacement ?? string.Empty));
                position = index + p.Length;
                count++;
                index = s.IndexOf(p, position, StringComparison.Ordinal);
            }

            sb.Append(s, position, s.Length - position);
            return sb.ToString();
        }

        if (pattern is RegexMatcher regex && replacement is string literal && !literal.Contains('$', StringComparison.Ordinal)
            && TryScan(regex, s, limit, out var spans))
        {
            if (spans.Count == 0)
            {
                return s;
            }

            foreach (var (start, end) in spans)
            {
                sb.Append(s, position, start - position).Append(literal);
                position = end;
            }

            sb.Append(s, position, s.Length - position);
            return sb.ToString();
        }

        var m = FirstMatch(ev, pattern, s, frame);
        if (m is null)
        {
            return s;
        }

        while (m is not null && (limit is null || count < limit))
        {
            sb.Append(s, position, m.Start - position);
            object? replacedWith = replacement is string template
                ? Substitute(template, m)
                : ev.Apply(replacement, [m.ToObject()], null, frame);
            if (replacedWith is string rs)
            {
                sb.Append(rs);
            }
            else
            {
                throw new JsonataException("D3012").WithValue(replacedWith);
            }

            position = m.Start + m.Match.Length;
            count++;
            m = NextMatch(ev, m, frame);
        }

        sb.Append(s, position, s.Length - position);
        return sb.ToString();
    }

    private static string Substitute(string replacement, MatchResult m)
    {
        if (!replacement.Contains('$', StringComparison.Ordinal))
        {
            return replacement;
        }

        var substitute = new StringBuilder();
        var position = 0;
        var index = replacement.IndexOf('$', position);
        while (index != -1 && position < replacement.Length)
        {
            substitute.Append(replacement, position, index - position);
            position = index + 1;
            var dollarVal = position < replacement.Length ? replacement[position] : '\0';
            if (dollarVal == '$')
            {
                substitute.Append('$');
                position++;
            }
            else if (dollarVal == '0')
            {
                substitute.Append(m.Match);
                position++;
            }
            else
            {
                var maxDigits = m.Groups.Count == 0 ? 1 : (int)Math.Floor(Math.Log10(m.Groups.Count)) + 1;
                var groupIndex = ParseLeadingInt(replacement, position, maxDigits);
                if (maxDigits > 1 && groupIndex > m.Groups.Count)
                {
                    groupIndex = ParseLeadingInt(replacement, position, maxDigits - 1);
                }

                if (groupIndex is { } gi)
                {
                    if (m.Groups.Count > 0 && gi - 1 >= 0 && gi - 1 < m.Groups.Count && m.Groups[gi - 1] is string sub)
                    {
                        substitute.Append(sub);
                    }

                    position += gi.ToString(CultureInfo.InvariantCulture).Length;
                }
                else
                {
                    substitute.Append('$');
                }
            }

            index = replacement.IndexOf('$', position);
        }

        substitute.Append(replacement, position, replacement.Length - position);
        return substitute.ToString();
    }

    private static int? ParseLeadingInt(string s, int start, int maxDigits)
    {
        var end = Math.Min(s.Length, start + maxDigits);
        var i = start;
        while (i < end && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i == start ? null : int.Parse(s.AsSpan(start, i - start), CultureInfo.InvariantCulture);
    }
}
