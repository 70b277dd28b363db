using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Integrations.Connections;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>
/// Reads an integrations configuration (JSON) and checks it completely, reporting every problem with the JSON Pointer of
/// the offending field. Secrets are written inline or as <c>{"env": "NAME"}</c>, read from the environment (the
/// Functions app's settings) at start, so a missing one fails the start instead of a task.
/// </summary>
/// <param name="environment">Looks up environment variables / app settings (<see cref="Environment.GetEnvironmentVariable(string)"/> in hosts).</param>
public sealed class IntegrationsConfigurationReader(Func<string, string?> environment)
{
    private const int MaxTimeoutSeconds = 3600;

    /// <summary>Reads a configuration from JSON text.</summary>
    /// <param name="json">The configuration.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="IntegrationsConfigurationException">The text is not JSON or the configuration has problems.</exception>
    public IntegrationsConfiguration Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json ?? throw new ArgumentNullException(nameof(json)));
        }
        catch (JsonException e)
        {
            throw new IntegrationsConfigurationException([$"/: not valid JSON: {e.Message}"]);
        }

        List<string> problems = [];
        IntegrationsConfiguration configuration = IntegrationsConfiguration.Empty;
        if (root is not JsonObject top)
        {
            problems.Add("/: the configuration must be a JSON object.");
        }
        else
        {
            Dictionary<string, HttpConnection> connections = new(StringComparer.Ordinal);
            foreach (var (key, value) in top)
            {
                switch (key)
                {
                    case "$schema" or "comment":
                        break;
                    case "connections":
                        ReadConnections(value, connections, problems);
                        break;
                    default:
                        problems.Add($"/{Escape(key)}: unknown section (expected 'connections').");
                        break;
                }
            }

            configuration = new IntegrationsConfiguration { Connections = connections.ToFrozenDictionary(StringComparer.Ordinal) };
        }

        return problems.Count == 0 ? configuration : throw new IntegrationsConfigurationException(problems);
    }

    private void ReadConnections(JsonNode? node, Dictionary<string, HttpConnection> connections, List<string> problems)
    {
        if (node is not JsonObject map)
        {
            problems.Add("/connections: must be an object of connection name to connection.");
            return;
        }

        foreach (var (name, value) in map)
        {
            string at = "/connections/" + Escape(name);
            if (!IsConnectionName(name))
            {
                problems.Add($"{at}: a connection name has 1-64 letters, digits, '.', '-' or '_' (as in EventBridge).");
                continue;
            }

            if (ReadConnection(name, value, at, problems) is { } connection)
            {
                connections[name] = connection;
            }
        }
    }

    private HttpConnection? ReadConnection(string name, JsonNode? node, string at, List<string> problems)
    {
        if (node is not JsonObject fields)
        {
            problems.Add($"{at}: must be an object with 'authorization'.");
            return null;
        }

        int before = problems.Count;
        ConnectionAuthorization? authorization = null;
        ImmutableArray<KeyValuePair<string, Secret>> headers = [];
        ImmutableArray<KeyValuePair<string, Secret>> query = [];
        bool allowPrivate = false;
        TimeSpan timeout = TimeSpan.FromSeconds(60);
        foreach (var (key, value) in fields)
        {
            string field = at + "/" + Escape(key);
            switch (key)
            {
                case "authorization":
                    authorization = ReadAuthorization(value, field, problems);
                    break;
                case "headers":
                    headers = ReadParameters(value, field, problems);
                    break;
                case "queryParameters":
                    query = ReadParameters(value, field, problems);
                    break;
                case "allowPrivateNetwork":
                    if (value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                    {
                        allowPrivate = value.GetValue<bool>();
                    }
                    else
                    {
                        problems.Add($"{field}: must be true or false.");
                    }

                    break;
                case "timeoutSeconds":
                    if (value is JsonValue number && number.TryGetValue(out int seconds) && seconds is > 0 and <= MaxTimeoutSeconds)
                    {
                        timeout = TimeSpan.FromSeconds(seconds);
                    }
                    else
                    {
                        problems.Add($"{field}: must be a whole number of seconds from 1 to {MaxTimeoutSeconds}.");
                    }

                    break;
                default:
                    problems.Add($"{field}: unknown field (expected authorization, headers, queryParameters, allowPrivateNetwork, timeoutSeconds).");
                    break;
            }
        }

        if (!fields.ContainsKey("authorization"))
        {
            problems.Add($"{at}: 'authorization' is required (use {{\"type\": \"NONE\"}} for none).");
        }

        return problems.Count == before && authorization is not null
            ? new HttpConnection { Name = name, Authorization = authorization, Headers = headers, QueryParameters = query, AllowPrivateNetwork = allowPrivate, Timeout = timeout }
            : null;
    }

    private ConnectionAuthorization? ReadAuthorization(JsonNode? node, string at, List<string> problems)
    {
        if (node is not JsonObject fields || !JsonText.TryString(fields["type"], out string? type))
        {
            problems.Add($"{at}: must be an object with 'type' (API_KEY, BASIC, OAUTH_CLIENT_CREDENTIALS or NONE).");
            return null;
        }

        string[] allowed;
        ConnectionAuthorization? result;
        switch (type)
        {
            case "NONE":
                allowed = ["type"];
                result = NoAuthorization.Instance;
                break;
            case "API_KEY":
                allowed = ["type", "apiKeyName", "apiKeyValue"];
                string? header = RequiredString(fields, "apiKeyName", at, problems);
                Secret? key = RequiredSecret(fields, "apiKeyValue", at, problems);
                result = header is not null && key is not null ? new ApiKeyAuthorization(header, key) : null;
                break;
            case "BASIC":
                allowed = ["type", "username", "password"];
                string? user = RequiredString(fields, "username", at, problems);
                Secret? password = RequiredSecret(fields, "password", at, problems);
                result = user is not null && password is not null ? new BasicAuthorization(user, password) : null;
                break;
            case "OAUTH_CLIENT_CREDENTIALS":
                allowed = ["type", "authorizationEndpoint", "clientId", "clientSecret", "scope"];
                Uri? endpoint = null;
                if (RequiredString(fields, "authorizationEndpoint", at, problems) is { } text
                    && !(Uri.TryCreate(text, UriKind.Absolute, out endpoint) && endpoint.Scheme is "https" or "http"))
                {
                    problems.Add($"{at}/authorizationEndpoint: must be an absolute http(s) URL.");
                }

                string? scope = null;
                if (fields.ContainsKey("scope") && !JsonText.TryString(fields["scope"], out scope))
                {
                    problems.Add($"{at}/scope: must be a string.");
                }

                string? clientId = RequiredString(fields, "clientId", at, problems);
                Secret? secret = RequiredSecret(fields, "clientSecret", at, problems);
                result = clientId is not null && secret is not null && endpoint is not null ? new OAuthClientCredentialsAuthorization(endpoint, clientId, secret, scope) : null;
                break;
            default:
                problems.Add($"{at}/type: unknown authorization type '{type}' (expected API_KEY, BASIC, OAUTH_CLIENT_CREDENTIALS or NONE).");
                return null;
        }

        foreach (var (key, _) in fields)
        {
            if (Array.IndexOf(allowed, key) < 0)
            {
                problems.Add($"{at}/{Escape(key)}: unknown field for {type} (expected {string.Join(", ", allowed)}).");
            }
        }

        return result;
    }

    private ImmutableArray<KeyValuePair<string, Secret>> ReadParameters(JsonNode? node, string at, List<string> problems)
    {
        if (node is not JsonObject map)
        {
            problems.Add($"{at}: must be an object of name to value.");
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<KeyValuePair<string, Secret>>();
        foreach (var (key, value) in map)
        {
            if (ReadSecret(value, at + "/" + Escape(key), problems) is { } secret)
            {
                builder.Add(new(key, secret));
            }
        }

        return builder.ToImmutable();
    }

    private static string? RequiredString(JsonObject fields, string name, string at, List<string> problems)
    {
        if (JsonText.TryString(fields[name], out string? text) && text.Length > 0)
        {
            return text;
        }

        problems.Add($"{at}/{name}: a non-empty string is required.");
        return null;
    }

    private Secret? RequiredSecret(JsonObject fields, string name, string at, List<string> problems)
    {
        if (!fields.ContainsKey(name))
        {
            problems.Add($"{at}/{name}: required (a string, or {{\"env\": \"NAME\"}} to read it from the environment).");
            return null;
        }

        return ReadSecret(fields[name], at + "/" + name, problems);
    }

    private Secret? ReadSecret(JsonNode? node, string at, List<string> problems)
    {
        if (JsonText.TryString(node, out string? literal))
        {
            return new Secret(literal);
        }

        if (node is JsonObject { Count: 1 } reference && JsonText.TryString(reference["env"], out string? variable) && variable.Length > 0)
        {
            if (environment(variable) is { Length: > 0 } value)
            {
                return new Secret(value);
            }

            problems.Add($"{at}: the environment variable (app setting) '{variable}' is not set.");
            return null;
        }

        problems.Add($"{at}: must be a string or {{\"env\": \"NAME\"}}.");
        return null;
    }


    private static bool IsConnectionName(string name)
    {
        if (name.Length is 0 or > 64)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
