using System.Globalization;
using System.Text.RegularExpressions;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>Parses and formats the RFC 3339 timestamps ASL uses (Wait, Timestamp comparisons, <c>$$</c> times).</summary>
internal static partial class Rfc3339
{
    /// <summary>Parses an RFC 3339 date-time with a mandatory <c>T</c> and offset (<c>Z</c> or <c>±hh:mm</c>).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null
            && Shape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>Formats as AWS does in the context object: UTC with milliseconds, for example <c>2024-01-02T03:04:05.678Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
