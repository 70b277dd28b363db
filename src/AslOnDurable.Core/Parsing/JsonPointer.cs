using System.Collections.Immutable;
using System.Globalization;
using System.Text;

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

    /// <summary>
    /// Splits a pointer into its unescaped reference tokens: <see langword="null"/> unless it is empty or starts with
    /// <c>/</c> and uses <c>~</c> only as <c>~0</c> or <c>~1</c>.
    /// </summary>
    public static ImmutableArray<string>? TryParse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        var tokens = ImmutableArray.CreateBuilder<string>();
        var token = new StringBuilder();
        for (var i = 1; i <= pointer.Length; i++)
        {
            if (i == pointer.Length || pointer[i] == '/')
            {
                tokens.Add(token.ToString());
                token.Clear();
                continue;
            }

            if (pointer[i] != '~')
            {
                token.Append(pointer[i]);
                continue;
            }

            if (i + 1 >= pointer.Length || pointer[i + 1] is not ('0' or '1'))
            {
                return null;
            }

            token.Append(pointer[++i] == '0' ? '~' : '/');
        }

        return tokens.ToImmutable();
    }
}
