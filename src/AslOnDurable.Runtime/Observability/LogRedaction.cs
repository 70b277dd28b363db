using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Runtime.Observability;

/// <summary>
/// Masks credentials in a payload before it is logged: the values of fields named like a credential
/// (<c>Authorization</c>, <c>Proxy-Authorization</c>, <c>x-api-key</c>, <c>ApiKeyValue</c>, <c>Password</c>,
/// <c>ClientSecret</c>, <c>Token</c> fields other than <c>TaskToken</c>…) become <c>"***"</c>, at any depth, also inside
/// JSON text (history keeps payloads as JSON text).
/// </summary>
internal static class LogRedaction
{
    /// <summary>What a masked value reads.</summary>
    public const string Masked = "***";

    private static readonly string[] SecretNames =
    [
        "authorization", "proxy-authorization", "x-api-key", "apikey", "apikeyvalue", "api-key", "password", "clientsecret",
        "client_secret", "secret", "accesstoken", "access_token", "refreshtoken", "refresh_token", "cookie", "set-cookie",
    ];

    /// <summary>Returns a masked copy (the value itself is not changed).</summary>
    /// <param name="value">A payload, or JSON text holding one.</param>
    /// <returns>The masked copy.</returns>
    public static JsonNode? Mask(JsonNode? value)
    {
        if (value is JsonValue text && text.TryGetValue(out string? json) && LooksLikeJson(json))
        {
            try
            {
                JsonNode? parsed = JsonNode.Parse(json, documentOptions: JsonLimits.DocumentOptions);
                return MaskNode(parsed)?.ToJsonString(ExecutionLog.RecordJson);
            }
            catch (JsonException)
            {
                return value.DeepClone();
            }
        }

        return MaskNode(value?.DeepClone());
    }

    /// <summary>Whether a field name is one that holds credentials.</summary>
    /// <param name="name">The field or header name.</param>
    /// <returns><see langword="true"/> when its value is masked.</returns>
    public static bool IsSecretName(string name) => Array.IndexOf(SecretNames, name.ToLowerInvariant()) >= 0;

    private static JsonNode? MaskNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (string name in o.Select(p => p.Key).ToList())
                {
                    o[name] = IsSecretName(name) ? Masked : MaskNode(o[name]);
                }

                return o;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    a[i] = MaskNode(a[i]?.DeepClone());
                }

                return a;
            default:
                return node;
        }
    }

    private static bool LooksLikeJson(string text)
    {
        string trimmed = text.TrimStart();
        return trimmed.StartsWith('{') || trimmed.StartsWith('[');
    }
}
