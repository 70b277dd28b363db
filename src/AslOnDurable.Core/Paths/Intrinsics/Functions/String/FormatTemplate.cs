using System.Text;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.String;

/// <summary>A <c>States.Format</c> format string split at its <c>{}</c> placeholders. Immutable.</summary>
/// <param name="literals">The text around the placeholders (one more than <see cref="PlaceholderCount"/>).</param>
internal sealed class FormatTemplate(string[] literals)
{
    /// <summary>The text around the placeholders.</summary>
    public IReadOnlyList<string> Literals => literals;

    /// <summary>How many <c>{}</c> placeholders the string has.</summary>
    public int PlaceholderCount => literals.Length - 1;

    /// <summary>
    /// Compiles a format string literal as written in the call: <c>\{</c>, <c>\}</c>, <c>\'</c> and <c>\\</c> stand
    /// for themselves and an unescaped <c>{}</c> is a placeholder.
    /// </summary>
    /// <param name="raw">The text between the quotes, escapes still in place.</param>
    /// <returns>The template.</returns>
    public static FormatTemplate FromEscaped(string raw) => Compile(raw, escapes: true);

    /// <summary>Compiles a format string read from the input at run time: every <c>{}</c> is a placeholder.</summary>
    /// <param name="text">The string.</param>
    /// <returns>The template.</returns>
    public static FormatTemplate FromValue(string text) => Compile(text, escapes: false);

    private static FormatTemplate Compile(string text, bool escapes)
    {
        var literals = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (escapes && c == '\\' && i + 1 < text.Length)
            {
                current.Append(text[i + 1]);
                i++;
            }
            else if (c == '{' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literals.Add(current.ToString());
                current.Clear();
                i++;
            }
            else
            {
                current.Append(c);
            }
        }

        literals.Add(current.ToString());
        return new FormatTemplate([.. literals]);
    }
}
