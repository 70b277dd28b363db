using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations.Http;

/// <summary>
/// Encodes a JSON object as <c>application/x-www-form-urlencoded</c> text, the HTTP task's
/// <c>Transform.RequestBodyEncoding: URL_ENCODED</c>: nested objects as <c>a[b]=…</c>, arrays as the
/// <c>RequestEncodingOptions.ArrayFormat</c> says (<c>INDICES</c> by default: <c>a[0]=x&amp;a[1]=y</c>; <c>REPEAT</c>:
/// <c>a=x&amp;a=y</c>; <c>COMMAS</c>: <c>a=x,y</c>; <c>BRACKETS</c>: <c>a[]=x&amp;a[]=y</c>).
/// </summary>
internal static class UrlEncodedForm
{
    /// <summary>The array formats AWS accepts.</summary>
    public static readonly string[] ArrayFormats = ["BRACKETS", "COMMAS", "REPEAT", "INDICES"];

    /// <summary>Encodes an object.</summary>
    /// <param name="body">The object.</param>
    /// <param name="arrayFormat">One of <see cref="ArrayFormats"/>.</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(JsonObject body, string arrayFormat)
    {
        ArgumentNullException.ThrowIfNull(body);
        List<string> pairs = [];
        foreach (var (key, value) in body)
        {
            Append(pairs, key, value, arrayFormat);
        }

        return string.Join('&', pairs);
    }

    /// <summary>The text of a scalar as it goes on the wire: strings unquoted, other values as JSON.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static void Append(List<string> pairs, string key, JsonNode? value, string arrayFormat)
    {
        switch (value)
        {
            case JsonObject nested:
                foreach (var (child, childValue) in nested)
                {
                    Append(pairs, $"{key}[{child}]", childValue, arrayFormat);
                }

                break;
            case JsonArray items when arrayFormat == "COMMAS":
                StringBuilder joined = new();
                foreach (JsonNode? item in items)
                {
                    joined.Append(joined.Length == 0 ? "" : ",").Append(Text(item));
                }

                pairs.Add(Pair(key, joined.ToString()));
                break;
            case JsonArray items:
                for (int i = 0; i < items.Count; i++)
                {
                    string itemKey = arrayFormat switch
                    {
                        "BRACKETS" => key + "[]",
                        "REPEAT" => key,
                        _ => key + "[" + i.ToString(CultureInfo.InvariantCulture) + "]",
                    };
                    Append(pairs, itemKey, items[i], arrayFormat);
                }

                break;
            default:
                pairs.Add(Pair(key, Text(value)));
                break;
        }
    }

    private static string Pair(string key, string value) => Uri.EscapeDataString(key) + "=" + Uri.EscapeDataString(value);
}
