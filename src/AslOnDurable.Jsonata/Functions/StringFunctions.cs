using System.Text;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Functions;

/// <summary>String functions: <c>$string</c>, <c>$substring</c>, <c>$length</c>, <c>$pad</c>, <c>$trim</c>, <c>$join</c>...</summary>
internal static class StringFunctions
{
    /// <summary>Registers the functions.</summary>
    public static void Register(FunctionRegistration add)
    {
        add("string", "<x-b?:s>", 1, static (_, a, _, _) =>
            a[0] is null ? null : ValueSemantics.ToJsonataString(a[0]!, a.Length > 1 && a[1] is true));
        add("substring", "<s-nn?:s>", 3, static (_, a, _, _) =>
            a[0] is string s ? Substring(s, (double)a[1]!, a.Length > 2 ? a[2] as double? : null) : null);
        add("substringBefore", "<s-s:s>", 2, static (_, a, _, _) =>
        {
            if (a[0] is not string s)
            {
                return null;
            }

            var chars = a[1] as string ?? "undefined";
            var pos = s.IndexOf(chars, StringComparison.Ordinal);
            return pos > -1 ? s[..pos] : s;
        });
        add("substringAfter", "<s-s:s>", 2, static (_, a, _, _) =>
        {
            if (a[0] is not string s)
            {
                return null;
            }

            var chars = a[1] as string ?? "undefined";
            var pos = s.IndexOf(chars, StringComparison.Ordinal);
            return pos > -1 ? s[(pos + chars.Length)..] : s;
        });
        add("lowercase", "<s-:s>", 1, static (_, a, _, _) => (a[0] as string)?.ToLowerInvariant());
        add("uppercase", "<s-:s>", 1, static (_, a, _, _) => (a[0] as string)?.ToUpperInvariant());
        add("length", "<s-:n>", 1, static (_, a, _, _) => a[0] is string s ? (double)CodePointLength(s) : null);
        add("trim", "<s-:s>", 1, static (_, a, _, _) => a[0] is string s ? Trim(s) : null);
        add("pad", "<s-ns?:s>", 3, static (_, a, _, _) =>
            a[0] is string s ? Pad(s, (double)a[1]!, a.Length > 2 ? a[2] as string : null) : null);
        add("join", "<a<s>s?:s>", 2, static (_, a, _, _) =>
        {
            if (a[0] is not JList list)
            {
                return null;
            }

            var separator = a.Length > 1 && a[1] is string sep ? sep : string.Empty;
            var sb = new StringBuilder();
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(separator);
                }

                sb.Append((string?)list[i]);
                StringSizeLimit.Check(sb.Length);
            }

            return sb.ToString();
        });
    }

    /// <summary>The number of Unicode code points in <paramref name="s"/>.</summary>
    public static int CodePointLength(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }

            n++;
        }

        return n;
    }

    private static List<string> CodePoints(string s)
    {
        var list = new List<string>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                list.Add(s.Substring(i, 2));
                i++;
            }
            else
            {
                list.Add(s[i].ToString());
            }
        }

        return list;
    }

    private static string Slice(List<string> items, double start, double? end)
    {
        var len = items.Count;
        var from = RelativeIndex(start, len);
        var to = end is null ? len : RelativeIndex(end.Value, len);
        var sb = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            sb.Append(items[i]);
        }

        return sb.ToString();
    }

    private static int RelativeIndex(double value, int len)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        var v = Math.Truncate(value);
        if (v < 0)
        {
            return (int)Math.Max(len + v, 0);
        }

        return (int)Math.Min(v, len);
    }

    /// <summary>JSONata's <c>$substring</c> over code points.</summary>
    public static string Substring(string s, double start, double? length)
    {
        var cps = CodePoints(s);
        var strLength = cps.Count;
        if (strLength + start < 0)
        {
            start = 0;
        }

        if (length is not null)
        {
            if (length <= 0)
            {
                return string.Empty;
            }

            var end = start >= 0 ? start + length.Value : strLength + start + length.Value;
            return Slice(cps, start, end);
        }

        return Slice(cps, start, null);
    }

    private static string Trim(string s)
    {
        var sb = new StringBuilder(s.Length);
        var inSpace = false;
        foreach (var c in s)
        {
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (!inSpace)
                {
                    sb.Append(' ');
                    inSpace = true;
                }
            }
            else
            {
                sb.Append(c);
                inSpace = false;
            }
        }

        var result = sb.ToString();
        if (result.StartsWith(' '))
        {
            result = result[1..];
        }

        if (result.EndsWith(' '))
        {
            result = result[..^1];
        }

        return result;
    }

    private static string Pad(string s, double width, string? padChar)
    {
        if (string.IsNullOrEmpty(padChar))
        {
            padChar = " ";
        }

        StringSizeLimit.Check(Math.Abs(width) - CodePointLength(s));
        var padLength = (int)(Math.Abs(width) - CodePointLength(s));
        if (padLength <= 0)
        {
            return s;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < padLength; i++)
        {
            sb.Append(padChar);
        }

        var padding = sb.ToString();
        if (padChar.Length > 1)
        {
            padding = Substring(padding, 0, padLength);
        }

        return width > 0 ? s + padding : padding + s;
    }
}
