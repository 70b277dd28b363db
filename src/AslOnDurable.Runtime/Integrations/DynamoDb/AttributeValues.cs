using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>
/// DynamoDB's typed attribute values as JSON (<c>{"S": "x"}</c>, <c>{"N": "1"}</c>, <c>{"B": "base64"}</c>,
/// <c>{"BOOL": true}</c>, <c>{"NULL": true}</c>, <c>{"M": {…}}</c>, <c>{"L": […]}</c>, <c>{"SS"|"NS"|"BS": […]}</c>): checks,
/// equality, ordering and the key text an Azure entity stores.
/// </summary>
internal static class AttributeValues
{
    /// <summary>The type descriptor of a value (<c>S</c>, <c>N</c>, …), or <see langword="null"/> when it is not a typed value.</summary>
    public static string? TypeOf(JsonNode? value) =>
        value is JsonObject { Count: 1 } typed && typed.First().Key is "S" or "N" or "B" or "BOOL" or "NULL" or "M" or "L" or "SS" or "NS" or "BS"
            ? typed.First().Key : null;

    /// <summary>Checks a typed value (recursively), throwing DynamoDB's validation error when it is malformed.</summary>
    /// <param name="value">The value.</param>
    /// <param name="where">Where it came from (for the message).</param>
    public static void Validate(JsonNode? value, string where)
    {
        string type = TypeOf(value) ?? throw Invalid(where, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        JsonNode? content = value!.AsObject()[type];
        bool ok = type switch
        {
            "S" => IsString(content),
            "N" => IsString(content) && IsNumber(content!.GetValue<string>()),
            "B" => IsString(content) && IsBase64(content!.GetValue<string>()),
            "BOOL" => content?.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
            "NULL" => content?.GetValueKind() == JsonValueKind.True,
            "M" => content is JsonObject,
            "L" => content is JsonArray,
            _ => content is JsonArray { Count: > 0 } set && set.All(IsString) && set.Select(e => e!.GetValue<string>()).Distinct().Count() == set.Count
                 && (type != "NS" || set.All(e => IsNumber(e!.GetValue<string>()))),
        };
        if (!ok)
        {
            throw Invalid(where, type is "SS" or "NS" or "BS"
                ? "An string set  may not be empty or contain duplicates or non-strings"
                : $"The parameter cannot be converted to a {type} value");
        }

        if (content is JsonObject map)
        {
            foreach (var (name, member) in map)
            {
                Validate(member, where + "." + name);
            }
        }
        else if (type == "L")
        {
            foreach (JsonNode? member in content!.AsArray())
            {
                Validate(member, where + "[]");
            }
        }
    }

    /// <summary>Checks an item (a map of attribute name to typed value).</summary>
    /// <param name="item">The item.</param>
    /// <param name="field">The request field (for the message).</param>
    /// <returns>The item.</returns>
    public static JsonObject ValidateItem(JsonNode? item, string field)
    {
        if (item is not JsonObject map)
        {
            throw new DynamoDbRequestException($"1 validation error detected: Value null at '{field}' failed to satisfy constraint: Member must not be null");
        }

        foreach (var (name, value) in map)
        {
            Validate(value, name);
        }

        return map;
    }

    /// <summary>Whether two typed values are equal (sets ignore order; numbers compare by value).</summary>
    public static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        string? type = TypeOf(a);
        if (type is null || type != TypeOf(b))
        {
            return false;
        }

        JsonNode? x = a!.AsObject()[type];
        JsonNode? y = b!.AsObject()[type];
        return type switch
        {
            "N" => CompareNumbers(x!.GetValue<string>(), y!.GetValue<string>()) == 0,
            "NS" => SetOf(x!, numbers: true).SetEquals(SetOf(y!, numbers: true)),
            "SS" or "BS" => SetOf(x!, numbers: false).SetEquals(SetOf(y!, numbers: false)),
            "M" => x!.AsObject().Count == y!.AsObject().Count && x.AsObject().All(p => y.AsObject().TryGetPropertyValue(p.Key, out JsonNode? other) && AreEqual(p.Value, other)),
            "L" => x!.AsArray().Count == y!.AsArray().Count && x.AsArray().Zip(y.AsArray()).All(p => AreEqual(p.First, p.Second)),
            _ => JsonNode.DeepEquals(x, y),
        };
    }

    /// <summary>Orders two scalar values of one type (<c>N</c>, <c>S</c>, <c>B</c>), or <see langword="null"/> when they cannot be ordered.</summary>
    public static int? Compare(JsonNode? a, JsonNode? b)
    {
        string? type = TypeOf(a);
        if (type is not ("N" or "S" or "B") || type != TypeOf(b))
        {
            return null;
        }

        string x = a!.AsObject()[type]!.GetValue<string>();
        string y = b!.AsObject()[type]!.GetValue<string>();
        return type switch
        {
            "N" => CompareNumbers(x, y),
            "S" => Math.Sign(string.CompareOrdinal(x, y)),
            _ => Math.Sign(Convert.FromBase64String(x).AsSpan().SequenceCompareTo(Convert.FromBase64String(y))),
        };
    }

    /// <summary>The text of a key value (S, N or B) an entity's PartitionKey/RowKey is made from: numbers in a canonical form.</summary>
    public static string KeyText(JsonNode value)
    {
        string type = TypeOf(value)!;
        string text = value.AsObject()[type]!.GetValue<string>();
        return type == "N" ? CanonicalNumber(text) : text;
    }

    /// <summary>The numeric value of an <c>N</c> string.</summary>
    public static bool TryNumber(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    /// <summary>A number's text without insignificant zeros (<c>1.50</c> → <c>1.5</c>).</summary>
    public static string CanonicalNumber(string text) =>
        TryNumber(text, out decimal number) ? (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : text;

    /// <summary>A typed number.</summary>
    public static JsonObject Number(decimal value) => new() { ["N"] = CanonicalNumber(value.ToString(CultureInfo.InvariantCulture)) };

    /// <summary>The number of characters (S), bytes (B), members (sets, lists, maps) of a value, as <c>size()</c> counts them.</summary>
    public static int? Size(JsonNode? value)
    {
        string? type = TypeOf(value);
        JsonNode? content = type is null ? null : value!.AsObject()[type];
        return type switch
        {
            "S" => Encoding.UTF8.GetByteCount(content!.GetValue<string>()),
            "B" => Convert.FromBase64String(content!.GetValue<string>()).Length,
            "M" => content!.AsObject().Count,
            "L" or "SS" or "NS" or "BS" => content!.AsArray().Count,
            _ => null,
        };
    }

    private static HashSet<string> SetOf(JsonNode members, bool numbers) =>
        [.. members.AsArray().Select(m => numbers ? CanonicalNumber(m!.GetValue<string>()) : m!.GetValue<string>())];

    private static int CompareNumbers(string x, string y) =>
        TryNumber(x, out decimal a) && TryNumber(y, out decimal b)
            ? a.CompareTo(b)
            : double.Parse(x, CultureInfo.InvariantCulture).CompareTo(double.Parse(y, CultureInfo.InvariantCulture));

    private static bool IsNumber(string text) =>
        TryNumber(text, out _) || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d));

    private static bool IsString(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String;

    private static bool IsBase64(string text)
    {
        Span<byte> buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    private static DynamoDbRequestException Invalid(string where, string reason) =>
        new($"One or more parameter values were invalid: {reason} (at '{where}')");
}
