using AslOnDurable.Jsonata.Evaluation;
using AslOnDurable.Jsonata.Functions.Formatting;

namespace AslOnDurable.Jsonata.Functions;

/// <summary>
/// Registers the picture-string family (<c>$formatNumber</c>, <c>$formatBase</c>, <c>$formatInteger</c>,
/// <c>$parseInteger</c>, <c>$fromMillis</c>, <c>$toMillis</c>, <c>$now</c>, <c>$millis</c>) over the pure
/// formatters in <c>Functions/Formatting</c>.
/// </summary>
internal static class FormattingFunctions
{
    /// <summary>Registers the functions.</summary>
    public static void Register(FunctionRegistration add)
    {
        add("formatNumber", "<n-so?:s>", 3, static (_, a, _, _) =>
        {
            // An undefined picture gives undefined, like an undefined value (JSONata-js would fail with a TypeError).
            if (a[0] is not double value || a[1] is not string picture)
            {
                return null;
            }

            NumberFormatOptions? options = null;
            if (a.Length > 2 && a[2] is JObject obj)
            {
                var properties = new List<KeyValuePair<string, string>>();
                foreach (var kv in obj)
                {
                    if (kv.Value is string s)
                    {
                        properties.Add(new KeyValuePair<string, string>(kv.Key, s));
                    }
                }

                options = NumberFormatOptions.FromProperties(properties);
            }

            return NumberFormatter.FormatNumber(value, picture, options);
        });
        add("formatBase", "<n-n?:s>", 2, static (_, a, _, _) =>
            a[0] is double value ? BaseFormatter.Format(value, a.Length > 1 ? a[1] as double? : null) : null);
        add("formatInteger", "<n-s:s>", 2, static (_, a, _, _) =>
            a[0] is double value && a[1] is string picture ? IntegerFormatter.Format(value, picture) : null);
        add("parseInteger", "<s-s:n>", 2, static (_, a, _, _) =>
            a[0] is string value && a[1] is string picture ? IntegerParser.Parse(value, picture) : null);
        add("fromMillis", "<n-s?s?:s>", 3, static (_, a, _, _) =>
            a[0] is double millis ? FromMillis(millis, a.Length > 1 ? a[1] as string : null, a.Length > 2 ? a[2] as string : null) : null);
        add("toMillis", "<s-s?:n>", 2, static (ev, a, _, _) =>
            a[0] is string timestamp ? DateTimeParser.ToMillis(timestamp, a.Length > 1 ? a[1] as string : null, ev.TimestampMillis) : null);
        add("now", "<s?s?:s>", 2, static (ev, a, _, _) =>
            FromMillis(ev.TimestampMillis, a.Length > 0 ? a[0] as string : null, a.Length > 1 ? a[1] as string : null));
        add("millis", "<:n>", 0, static (ev, _, _, _) => (double)ev.TimestampMillis);
    }

    private static string FromMillis(double millis, string? picture, string? timezone) =>
        DateTimeFormatter.FromMillis(millis, picture, timezone);
}
