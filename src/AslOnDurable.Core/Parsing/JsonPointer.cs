using System.Globalization;

namespace AslOnDurable.Core.Parsing;

/// <summary>Builds RFC 6901 JSON Pointers for diagnostics and model locations.</summary>
internal static class JsonPointer
{
    /// <summary>Escapes one reference token (<c>~</c> becomes <c>~0</c>, <c>/</c> becomes <c>~1</c>).</summary>
    public static string Escape(string token) =>
        token.Contains('~', StringComparison.Ordinal) || token.Contains('/', StringComparison.Ordinal)
            ? token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : token;

    /// <summary>Appends a property name to a pointer.</summary>
    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    /// <summary>Appends an array index to a pointer.</summary>
    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);
}
