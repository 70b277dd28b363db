using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations.S3;

/// <summary>The parameters of one S3 action: checks that every field is known and reads typed values.</summary>
/// <param name="action">The action (for messages).</param>
/// <param name="fields">The Task's effective parameters.</param>
internal sealed class S3Parameters(string action, JsonObject fields)
{
    /// <summary>Fields AWS accepts that mean nothing on Blob Storage (encryption is always on, there is one owner).</summary>
    private static readonly JsonSerializerOptions BodyJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Ignored =
        ["ExpectedBucketOwner", "RequestPayer", "ChecksumMode", "ChecksumAlgorithm", "ServerSideEncryption", "SSEKMSKeyId", "BucketKeyEnabled", "ACL", "StorageClass", "FetchOwner", "EncodingType"];

    /// <summary>The first field that is neither supported nor harmlessly ignored, or <see langword="null"/>.</summary>
    /// <param name="supported">The action's supported fields.</param>
    /// <returns>A problem, or <see langword="null"/>.</returns>
    public string? Unknown(params string[] supported)
    {
        foreach (var (key, _) in fields)
        {
            if (Array.IndexOf(supported, key) < 0 && Array.IndexOf(Ignored, key) < 0)
            {
                return $"The field '{key}' is not supported by s3:{action} on Blob Storage (supported: {string.Join(", ", supported)}).";
            }
        }

        return null;
    }

    /// <summary>A required string field.</summary>
    /// <param name="name">The field.</param>
    /// <param name="problem">Why it is unusable.</param>
    /// <returns>The text, or <see langword="null"/> with <paramref name="problem"/> set.</returns>
    public string? Required(string name, out string? problem)
    {
        if (JsonText.TryString(fields[name], out string? text) && text.Length > 0)
        {
            problem = null;
            return text;
        }

        problem = $"s3:{action} requires '{name}' as a non-empty string.";
        return null;
    }

    /// <summary>An optional string field.</summary>
    /// <param name="name">The field.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? Optional(string name) => JsonText.TryString(fields[name], out string? text) ? text : null;

    /// <summary>An optional whole number.</summary>
    /// <param name="name">The field.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether the field is absent or a whole number.</returns>
    public bool TryInt(string name, out int? value)
    {
        value = null;
        JsonNode? node = fields[name];
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue number && number.TryGetValue(out int parsed))
        {
            value = parsed;
            return true;
        }

        if (JsonText.TryString(node, out string? text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>The <c>Metadata</c> map (string values), or a problem.</summary>
    /// <param name="problem">Why it is unusable.</param>
    /// <returns>The metadata, or <see langword="null"/> when absent or unusable.</returns>
    public Dictionary<string, string>? Metadata(out string? problem)
    {
        problem = null;
        if (fields["Metadata"] is null)
        {
            return null;
        }

        if (fields["Metadata"] is not JsonObject map)
        {
            problem = $"s3:{action}: 'Metadata' must be an object of string values.";
            return null;
        }

        Dictionary<string, string> metadata = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in map)
        {
            if (!IsMetadataName(key) || !JsonText.TryString(value, out string? text))
            {
                problem = $"s3:{action}: the metadata '{key}' must have a string value and a name Blob Storage accepts (a C# identifier: letters, digits, '_').";
                return null;
            }

            metadata[key] = text;
        }

        return metadata;
    }

    /// <summary>The bytes of <c>Body</c>: Step Functions writes the field's JSON text (a string keeps its quotes).</summary>
    /// <returns>The bytes.</returns>
    public byte[] Body() => fields["Body"] is { } body ? Encoding.UTF8.GetBytes(body.ToJsonString(BodyJson)) : [];

    private static bool IsMetadataName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
