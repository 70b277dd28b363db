using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Integrations.Connections;
using AslOnDurable.Runtime.Integrations.Identity;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>Managed identities and service endpoints (an URL plus an access key or a managed identity).</summary>
public sealed partial class IntegrationsConfigurationReader
{
    /// <summary>Reads <c>true</c> (the default identity) or <c>{"clientId": "…"}</c> (a user-assigned one).</summary>
    private static ManagedIdentity? ReadManagedIdentity(JsonNode? node, string at, List<string> problems)
    {
        if (node?.GetValueKind() == JsonValueKind.True)
        {
            return ManagedIdentity.Default;
        }

        if (node is JsonObject { Count: 1 } fields && JsonText.TryString(fields["clientId"], out string? clientId) && clientId.Length > 0)
        {
            return new ManagedIdentity(clientId);
        }

        problems.Add($"{at}: must be true (the app's managed identity) or {{\"clientId\": \"…\"}} (a user-assigned identity).");
        return null;
    }

    /// <summary>Reads <c>{"scope": "…", "clientId": "…"?}</c>: a token of the app's (or a user-assigned) identity for a scope.</summary>
    private static ManagedIdentityAuthorization? ReadScopedIdentity(JsonNode? node, string at, List<string> problems)
    {
        if (node is not JsonObject fields || !JsonText.TryString(fields["scope"], out string? scope) || scope.Length == 0)
        {
            problems.Add($"{at}: must be {{\"scope\": \"api://…/.default\"}} (and \"clientId\" for a user-assigned identity).");
            return null;
        }

        string? clientId = null;
        foreach (var (key, value) in fields)
        {
            if (key == "clientId" && !(JsonText.TryString(value, out clientId) && clientId.Length > 0))
            {
                problems.Add($"{at}/clientId: must be a user-assigned identity's client id.");
                return null;
            }

            if (key is not ("scope" or "clientId" or "type"))
            {
                problems.Add($"{at}/{Escape(key)}: unknown field (expected scope, clientId).");
                return null;
            }
        }

        return new ManagedIdentityAuthorization(scope, clientId is null ? ManagedIdentity.Default : new ManagedIdentity(clientId));
    }

    /// <summary>Reads an absolute http(s) URL.</summary>
    private static Uri? ReadUrl(JsonNode? node, string at, List<string> problems)
    {
        if (JsonText.TryString(node, out string? text) && Uri.TryCreate(text, UriKind.Absolute, out Uri? url) && url.Scheme is "https" or "http")
        {
            return url;
        }

        problems.Add($"{at}: must be an absolute http(s) URL.");
        return null;
    }

    /// <summary>Reads the credential of a service endpoint: <paramref name="keyField"/> or <c>managedIdentity</c>, exactly one.</summary>
    private AzureServiceAuthentication? ReadServiceAuthentication(JsonObject fields, string keyField, string at, List<string> problems)
    {
        bool hasKey = fields.ContainsKey(keyField);
        bool hasIdentity = fields.ContainsKey("managedIdentity");
        if (hasKey == hasIdentity)
        {
            problems.Add($"{at}: set exactly one of '{keyField}' (a string or {{\"env\": \"NAME\"}}) and 'managedIdentity'.");
            return null;
        }

        if (hasKey)
        {
            return ReadSecret(fields[keyField], at + "/" + keyField, problems) is { } key ? new AzureServiceAuthentication(key, null) : null;
        }

        return ReadManagedIdentity(fields["managedIdentity"], at + "/managedIdentity", problems) is { } identity ? new AzureServiceAuthentication(null, identity) : null;
    }

    /// <summary>Reads the fields every service endpoint shares, reporting unknown ones.</summary>
    private EndpointFields? ReadEndpoint(JsonNode? node, string at, string keyField, string[] extraFields, List<string> problems)
    {
        if (node is not JsonObject fields)
        {
            problems.Add($"{at}: must be an object with 'endpoint' and '{keyField}' or 'managedIdentity'.");
            return null;
        }

        int before = problems.Count;
        Uri? endpoint = null;
        bool allowPrivate = false;
        TimeSpan timeout = TimeSpan.FromSeconds(60);
        foreach (var (key, value) in fields)
        {
            string field = at + "/" + Escape(key);
            switch (key)
            {
                case "endpoint":
                    endpoint = ReadUrl(value, field, problems);
                    break;
                case "allowPrivateNetwork":
                    allowPrivate = ReadBoolean(value, field, problems);
                    break;
                case "timeoutSeconds":
                    timeout = ReadTimeout(value, field, problems);
                    break;
                case "managedIdentity":
                    break;
                default:
                    if (key != keyField && Array.IndexOf(extraFields, key) < 0)
                    {
                        problems.Add($"{field}: unknown field (expected endpoint, {keyField}, managedIdentity, {string.Join(", ", extraFields)}, allowPrivateNetwork, timeoutSeconds).");
                    }

                    break;
            }
        }

        if (!fields.ContainsKey("endpoint"))
        {
            problems.Add($"{at}/endpoint: required (an absolute http(s) URL).");
        }

        AzureServiceAuthentication? authentication = ReadServiceAuthentication(fields, keyField, at, problems);
        return problems.Count == before && endpoint is not null && authentication is not null
            ? new EndpointFields(fields, endpoint, authentication, allowPrivate, timeout)
            : null;
    }

    private sealed record EndpointFields(JsonObject Fields, Uri Endpoint, AzureServiceAuthentication Authentication, bool AllowPrivateNetwork, TimeSpan Timeout);
}
