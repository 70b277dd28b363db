namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>
/// JavaScript's forgiving string slicing (<c>substring</c>, <c>slice</c>, <c>substr</c>), whose clamping of
/// out-of-range and negative indices the reference implementation's picture handling depends on.
/// </summary>
internal static class JsString
{
    /// <summary><c>s.substring(start, end)</c>: both indices clamped to [0, length], swapped if reversed.</summary>
    public static string Substring(string s, int start, int? end = null)
    {
        var a = Math.Clamp(start, 0, s.Length);
        var b = Math.Clamp(end ?? s.Length, 0, s.Length);
        return a <= b ? s[a..b] : s[b..a];
    }

    /// <summary><c>s.slice(start, end)</c>: negative indices count from the end; an empty result when start ≥ end.</summary>
    public static string Slice(string s, int start, int? end = null)
    {
        var a = start < 0 ? Math.Max(s.Length + start, 0) : Math.Min(start, s.Length);
        var e = end ?? s.Length;
        var b = e < 0 ? Math.Max(s.Length + e, 0) : Math.Min(e, s.Length);
        return a < b ? s[a..b] : string.Empty;
    }

    /// <summary><c>s.substr(start, length)</c>: a negative start counts from the end; a negative length gives "".</summary>
    public static string Substr(string s, int start, int? length = null)
    {
        var a = start < 0 ? Math.Max(s.Length + start, 0) : Math.Min(start, s.Length);
        var count = Math.Min(Math.Max(length ?? s.Length, 0), s.Length - a);
        return count <= 0 ? string.Empty : s.Substring(a, count);
    }

    /// <summary><c>s.indexOf(search, from)</c> (ordinal; an empty search string is found at <paramref name="from"/>).</summary>
    public static int IndexOf(string s, string search, int from = 0)
    {
        var start = Math.Clamp(from, 0, s.Length);
        return search.Length == 0 ? start : s.IndexOf(search, start, StringComparison.Ordinal);
    }

    /// <summary><c>s.lastIndexOf(search)</c> (ordinal; an empty search string is found at the end).</summary>
    public static int LastIndexOf(string s, string search) =>
        search.Length == 0 ? s.Length : s.LastIndexOf(search, StringComparison.Ordinal);

    /// <summary><c>s.charAt(index)</c>: the UTF-16 unit at <paramref name="index"/> as a string, or "" out of range.</summary>
    public static string CharAt(string s, int index) =>
        index >= 0 && index < s.Length ? s[index].ToString() : string.Empty;

    /// <summary><c>s.split(separator)</c> with a string separator (an empty separator splits into UTF-16 units).</summary>
    public static string[] Split(string s, string separator)
    {
        if (separator.Length == 0)
        {
            return s.Select(c => c.ToString()).ToArray();
        }

        return s.Split(separator, StringSplitOptions.None);
    }
}
