using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Validation;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Parsing;

/// <summary>
/// Reads the fields of one JSON object of a definition (a state, a rule, a retrier…): checks their types and
/// the query language they belong to, remembers which ones were read, and reports the rest as not supported.
/// </summary>
/// <remarks>Messages follow AWS's wording where it is known (<c>Field 'X' is not supported</c>,
/// <c>There should only be one of the following fields: [...]</c>).</remarks>
internal sealed class FieldReader
{
    private readonly JsonElement _object;
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly DiagnosticBag _diagnostics;

    /// <summary>Creates a reader over <paramref name="obj"/>, which must be a JSON object.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="location">Its JSON Pointer.</param>
    /// <param name="language">The effective query language.</param>
    /// <param name="diagnostics">Where to report problems.</param>
    /// <param name="reportDuplicates">Whether to report duplicate keys (off when the object was already copied with <see cref="Copy"/>).</param>
    public FieldReader(JsonElement obj, string location, QueryLanguage language, DiagnosticBag diagnostics, bool reportDuplicates = true)
    {
        _object = obj;
        Location = location;
        Language = language;
        _diagnostics = diagnostics;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (!seen.Add(property.Name) && reportDuplicates)
            {
                diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"Field '{property.Name}' appears more than once", Pointer(property.Name));
            }
        }
    }

    /// <summary>The JSON Pointer of the object.</summary>
    public string Location { get; }

    /// <summary>The effective query language of the object.</summary>
    public QueryLanguage Language { get; }

    /// <summary>The diagnostics of the run.</summary>
    public DiagnosticBag Diagnostics => _diagnostics;

    /// <summary>The JSON Pointer of a field of the object.</summary>
    public string Pointer(string field) => JsonPointer.Append(Location, field);

    /// <summary>Whether the object has the field (does not mark it as read).</summary>
    public bool Has(string name) => _object.TryGetProperty(name, out _);

    /// <summary>Takes a field allowed in both query languages.</summary>
    public bool Field(string name, out JsonElement value)
    {
        if (!_object.TryGetProperty(name, out value))
        {
            return false;
        }

        _taken.Add(name);
        return true;
    }

    /// <summary>Takes a JSONPath-only field; reports it (and returns false) in JSONata mode.</summary>
    public bool JsonPathField(string name, out JsonElement value) => LanguageField(name, QueryLanguage.JSONPath, out value);

    /// <summary>Takes a JSONata-only field; reports it (and returns false) in JSONPath mode.</summary>
    public bool JsonataField(string name, out JsonElement value) => LanguageField(name, QueryLanguage.JSONata, out value);

    /// <summary>Marks a field as read without looking at it (for fields read elsewhere).</summary>
    public void Skip(string name) => _taken.Add(name);

    /// <summary>Reports each of <paramref name="names"/> that is missing.</summary>
    public void Require(params string[] names)
    {
        var missing = names.Where(n => !Has(n)).ToArray();
        if (missing.Length > 0)
        {
            _diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"These fields are required: [{string.Join(", ", missing)}]", Location);
        }
    }

    /// <summary>Reports when more than one of <paramref name="names"/> is present.</summary>
    /// <returns>Whether at most one is present.</returns>
    public bool AtMostOne(params string[] names)
    {
        if (names.Count(Has) > 1)
        {
            _diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"There should only be one of the following fields: [{string.Join(", ", names)}]", Location);
            return false;
        }

        return true;
    }

    /// <summary>Reports every field that no one read as not supported.</summary>
    public void ReportUnsupported()
    {
        foreach (var property in _object.EnumerateObject())
        {
            if (!_taken.Contains(property.Name))
            {
                _taken.Add(property.Name);
                _diagnostics.Error(DiagnosticCodes.UnknownField, $"Field '{property.Name}' is not supported", Pointer(property.Name));
            }
        }
    }

    /// <summary>Reads a string field (any language).</summary>
    public string? String(string name) => Field(name, out var value) ? AsString(name, value) : null;

    /// <summary>Reads a string field that names a state or resource and so must not be empty (any language).</summary>
    public string? Name(string name)
    {
        var text = String(name);
        if (text is { Length: 0 })
        {
            _diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"The value of field '{name}' must not be empty", Pointer(name));
        }

        return text;
    }

    /// <summary>Reads an optional boolean field (any language).</summary>
    public bool? Boolean(string name)
    {
        if (!Field(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        TypeError(name, "a boolean");
        return null;
    }

    /// <summary>Reads an optional integer field (any language).</summary>
    public int? Integer(string name) => Field(name, out var value) ? AsInteger(name, value) : null;

    /// <summary>Reads an optional number field (any language).</summary>
    public double? Number(string name)
    {
        if (!Field(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        TypeError(name, "a number");
        return null;
    }

    /// <summary>Reads an optional object field (any language) as a detached copy.</summary>
    public JsonObject? Object(string name) => Field(name, out var value) ? AsObject(name, value) : null;

    /// <summary>Reads a JSONPath path field: <paramref name="absent"/> when missing, <see langword="null"/> for JSON null when allowed.</summary>
    public string? Path(string name, string? absent, bool allowNull)
    {
        if (!JsonPathField(name, out var value))
        {
            return absent;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind == JsonValueKind.Null && allowNull)
        {
            return null;
        }

        TypeError(name, allowNull ? "a string or null" : "a string");
        return absent;
    }

    /// <summary>Reads any JSON value of a JSONPath-only field as a detached node.</summary>
    public JsonNode? JsonPathNode(string name) => JsonPathField(name, out var value) ? Copy(value, Pointer(name)) : null;

    /// <summary>Reads any JSON value of a JSONata-only field as a detached node.</summary>
    public JsonNode? JsonataNode(string name) => JsonataField(name, out var value) ? Copy(value, Pointer(name)) : null;

    /// <summary>Whether a JSONata-only field is present in a JSONata state (even when its value is JSON <c>null</c>).</summary>
    public bool HasJsonata(string name) => Language == QueryLanguage.JSONata && Has(name);

    /// <summary>Reads any JSON value of a field allowed in both languages as a detached node.</summary>
    public JsonNode? Node(string name) => Field(name, out var value) ? Copy(value, Pointer(name)) : null;

    /// <summary>Reads a numeric field that may also be a JSONata expression string in JSONata mode.</summary>
    public JsonNode? NumberOrExpression(string name)
    {
        if (!Field(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number || (value.ValueKind == JsonValueKind.String && Language == QueryLanguage.JSONata))
        {
            return ToNode(value);
        }

        TypeError(name, Language == QueryLanguage.JSONata ? "a number or a JSONata expression" : "a number");
        return null;
    }

    /// <summary>Reads a string field (a JSONata expression string in JSONata mode).</summary>
    public JsonNode? StringOrExpression(string name)
    {
        if (!Field(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return ToNode(value);
        }

        TypeError(name, "a string");
        return null;
    }

    /// <summary>Converts a value to a string, reporting other types.</summary>
    public string? AsString(string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        TypeError(name, "a string");
        return null;
    }

    /// <summary>Converts a value to an integer, reporting other types.</summary>
    public int? AsInteger(string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt32(out var i))
            {
                return i;
            }

            if (value.TryGetDouble(out var d) && Math.Floor(d) == d && d is >= int.MinValue and <= int.MaxValue)
            {
                return (int)d;
            }
        }

        TypeError(name, "an integer");
        return null;
    }

    /// <summary>Converts a value to a detached object, reporting other types.</summary>
    public JsonObject? AsObject(string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return (JsonObject?)Copy(value, Pointer(name));
        }

        TypeError(name, "an object");
        return null;
    }

    /// <summary>Reports that a field has the wrong type.</summary>
    public void TypeError(string name, string expected) =>
        _diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"The value of field '{name}' must be {expected}", Pointer(name));

    /// <summary>Copies a scalar value into a new, detached node (<see langword="null"/> for JSON null).</summary>
    public static JsonNode? ToNode(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(value.GetRawText(), documentOptions: JsonLimits.DocumentOptions);

    /// <summary>
    /// Copies any value into a new, detached node, reporting duplicate keys in nested objects (a
    /// <see cref="JsonObject"/> cannot hold them; the copy keeps the last one so later checks can still run).
    /// </summary>
    public JsonNode? Copy(JsonElement value, string pointer) =>
        ReportDuplicateKeys(value, pointer) ? CopyLastWins(value) : ToNode(value);

    private static JsonNode? CopyLastWins(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in value.EnumerateObject())
                {
                    obj[property.Name] = CopyLastWins(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in value.EnumerateArray())
                {
                    array.Add(CopyLastWins(item));
                }

                return array;
            default:
                return ToNode(value);
        }
    }

    private bool ReportDuplicateKeys(JsonElement value, string pointer)
    {
        var found = false;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    var child = JsonPointer.Append(pointer, property.Name);
                    if (!seen.Add(property.Name))
                    {
                        _diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"Field '{property.Name}' appears more than once", child);
                        found = true;
                    }

                    found |= ReportDuplicateKeys(property.Value, child);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    found |= ReportDuplicateKeys(item, JsonPointer.Append(pointer, index++));
                }

                break;
        }

        return found;
    }

    private bool LanguageField(string name, QueryLanguage only, out JsonElement value)
    {
        if (!Field(name, out value))
        {
            return false;
        }

        if (Language == only)
        {
            return true;
        }

        _diagnostics.Error(
            DiagnosticCodes.SchemaValidationFailed,
            $"The QueryLanguage is set to '{Language}', but field '{name}' is only supported for the '{only}' QueryLanguage",
            Pointer(name));
        return false;
    }
}
