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
    /// <remarks>
    /// The same text as the custom format <c>yyyy-MM-dd'T'HH:mm:ss.fff'Z'</c> (milliseconds truncated), written digit by
    /// digit: a JSONata state reading <c>$states.context</c> formats its entered time on every entry.
    /// </remarks>
    public static string Format(DateTimeOffset value) =>
        string.Create(24, value.UtcDateTime, static (text, time) =>
        {
            Digits(text[..4], time.Year);
            text[4] = '-';
            Digits(text.Slice(5, 2), time.Month);
            text[7] = '-';
            Digits(text.Slice(8, 2), time.Day);
            text[10] = 'T';
            Digits(text.Slice(11, 2), time.Hour);
            text[13] = ':';
            Digits(text.Slice(14, 2), time.Minute);
            text[16] = ':';
            Digits(text.Slice(17, 2), time.Second);
            text[19] = '.';
            Digits(text.Slice(20, 3), time.Millisecond);
            text[23] = 'Z';
        });

    /// <summary>Writes <paramref name="value"/> (not negative) as exactly as many decimal digits as <paramref name="target"/> holds, zero-padded.</summary>
    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
