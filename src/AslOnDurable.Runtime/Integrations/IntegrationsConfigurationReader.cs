using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using AslOnDurable.Runtime.Integrations.Connections;
using AslOnDurable.Runtime.Integrations.EventGrid;
using AslOnDurable.Runtime.Integrations.OpenAI;
using AslOnDurable.Runtime.Integrations.Lambda;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>
/// Reads an integrations configuration (JSON) and checks it completely, reporting every problem with the JSON Pointer of
/// the offending field. Secrets are written inline or as <c>{"env": "NAME"}</c>, read from the environment (the
/// Functions app's settings) at start, so a missing one fails the start instead of a task.
/// </summary>
/// <param name="environment">Looks up environment variables / app settings (<see cref="Environment.GetEnvironmentVariable(string)"/> in hosts).</param>
public sealed partial class IntegrationsConfigurationReader(Func<string, string?> environment)
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
            Dictionary<string, LambdaFunction> functions = new(StringComparer.Ordinal);
            List<string> assemblies = [];
            AzureStorageIntegration? storage = null;
            EventGridConfiguration? eventGrid = null;
            AzureOpenAIConfiguration? openAI = null;
            foreach (var (key, value) in top)
            {
                switch (key)
                {
                    case "$schema" or "comment":
                        break;
                    case "connections":
                        ReadConnections(value, connections, problems);
                        break;
                    case "functions":
                        ReadFunctions(value, functions, problems);
                        break;
                    case "handlerAssemblies":
                        ReadAssemblies(value, assemblies, problems);
                        break;
                    case "storage":
                        storage = ReadStorage(value, problems);
                        break;
                    case "eventGrid":
                        eventGrid = ReadEventGrid(value, problems);
                        break;
                    case "azureOpenAI":
                        openAI = ReadAzureOpenAI(value, problems);
                        break;
                    default:
                        problems.Add($"/{Escape(key)}: unknown section (expected connections, functions, handlerAssemblies, storage, eventGrid, azureOpenAI).");
                        break;
                }
            }

            configuration = new IntegrationsConfiguration
            {
                Connections = connections.ToFrozenDictionary(StringComparer.Ordinal),
                Functions = functions.ToFrozenDictionary(StringComparer.Ordinal),
                HandlerAssemblies = [.. assemblies.Select(a => Path.GetFullPath(a, BaseDirectory ?? Directory.GetCurrentDirectory()))],
                Storage = storage,
                EventGrid = eventGrid,
                AzureOpenAI = openAI,
            };
        }

        return problems.Count == 0 ? configuration : throw new IntegrationsConfigurationException(problems);
    }

    /// <summary>The folder relative <c>handlerAssemblies</c> paths start from (the configuration file's); the current one when <see langword="null"/>.</summary>
    public string? BaseDirectory { get; init; }

    private static void ReadAssemblies(JsonNode? node, List<string> assemblies, List<string> problems)
    {
        if (node is not JsonArray paths)
        {
            problems.Add("/handlerAssemblies: must be an array of assembly paths.");
            return;
        }

        for (int i = 0; i < paths.Count; i++)
        {
            if (JsonText.TryString(paths[i], out string? path) && path.Length > 0)
            {
                assemblies.Add(path);
            }
            else
            {
                problems.Add($"/handlerAssemblies/{i}: must be a non-empty path.");
            }
        }
    }

    private void ReadFunctions(JsonNode? node, Dictionary<string, LambdaFunction> functions, List<string> problems)
    {
        if (node is not JsonObject map)
        {
            problems.Add("/functions: must be an object of Lambda function name to function.");
            return;
        }

        foreach (var (name, value) in map)
        {
            string at = "/functions/" + Escape(name);
            if (!IsConnectionName(name))
            {
                problems.Add($"{at}: a function name has 1-64 letters, digits, '.', '-' or '_'.");
                continue;
            }

            if (value is JsonObject { Count: 1 } handler && handler.ContainsKey("handler"))
            {
                if (JsonText.TryString(handler["handler"], out string? handlerName) && handlerName.Length > 0)
                {
                    functions[name] = new HandlerFunction(handlerName);
                }
                else
                {
                    problems.Add($"{at}/handler: must be the name of a .NET handler.");
                }

                continue;
            }

            if (value is not JsonObject fields || !fields.ContainsKey("url"))
            {
                problems.Add($"{at}: must be {{\"url\": …, \"functionKey\": …}} (an HTTP-triggered function) or {{\"handler\": \"Name\"}} (a .NET handler).");
                continue;
            }

            int before = problems.Count;
            Uri? url = null;
            Secret? key = null;
            ManagedIdentityAuthorization? identity = null;
            bool allowPrivate = false;
            TimeSpan timeout = TimeSpan.FromSeconds(60);
            foreach (var (field, fieldValue) in fields)
            {
                string fieldAt = at + "/" + Escape(field);
                switch (field)
                {
                    case "url":
                        url = ReadUrl(fieldValue, fieldAt, problems);
                        break;
                    case "functionKey":
                        key = ReadSecret(fieldValue, fieldAt, problems);
                        break;
                    case "managedIdentity":
                        identity = ReadScopedIdentity(fieldValue, fieldAt, problems);
                        break;
                    case "allowPrivateNetwork":
                        allowPrivate = ReadBoolean(fieldValue, fieldAt, problems);
                        break;
                    case "timeoutSeconds":
                        timeout = ReadTimeout(fieldValue, fieldAt, problems);
                        break;
                    default:
                        problems.Add($"{fieldAt}: unknown field (expected url, functionKey, managedIdentity, allowPrivateNetwork, timeoutSeconds).");
                        break;
                }
            }

            if (problems.Count == before && url is not null)
            {
                functions[name] = new HttpFunction(url, key, allowPrivate, timeout) { Identity = identity };
            }
        }
    }

    private static bool ReadBoolean(JsonNode? value, string at, List<string> problems)
    {
        if (value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }

        problems.Add($"{at}: must be true or false.");
        return false;
    }

    private static TimeSpan ReadTimeout(JsonNode? value, string at, List<string> problems)
    {
        if (value is JsonValue number && number.TryGetValue(out int seconds) && seconds is > 0 and <= MaxTimeoutSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        problems.Add($"{at}: must be a whole number of seconds from 1 to {MaxTimeoutSeconds}.");
        return TimeSpan.FromSeconds(60);
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
        ImmutableArray<KeyValuePair<string, Secret>> body = [];
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
                case "bodyParameters":
                    body = ReadParameters(value, field, problems);
                    break;
                case "allowPrivateNetwork":
                    allowPrivate = ReadBoolean(value, field, problems);
                    break;
                case "timeoutSeconds":
                    timeout = ReadTimeout(value, field, problems);
                    break;
                default:
                    problems.Add($"{field}: unknown field (expected authorization, headers, queryParameters, bodyParameters, allowPrivateNetwork, timeoutSeconds).");
                    break;
            }
        }

        if (!fields.ContainsKey("authorization"))
        {
            problems.Add($"{at}: 'authorization' is required (use {{\"type\": \"NONE\"}} for none).");
        }

        return problems.Count == before && authorization is not null
            ? new HttpConnection
            {
                Name = name, Authorization = authorization, Headers = headers, QueryParameters = query, BodyParameters = body,
                AllowPrivateNetwork = allowPrivate, Timeout = timeout,
            }
            : null;
    }

    private ConnectionAuthorization? ReadAuthorization(JsonNode? node, string at, List<string> problems)
    {
        if (node is not JsonObject fields || !JsonText.TryString(fields["type"], out string? type))
        {
            problems.Add($"{at}: must be an object with 'type' (API_KEY, BASIC, OAUTH_CLIENT_CREDENTIALS, MANAGED_IDENTITY or NONE).");
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
                Uri? endpoint = RequiredString(fields, "authorizationEndpoint", at, problems) is null
                    ? null
                    : ReadUrl(fields["authorizationEndpoint"], at + "/authorizationEndpoint", problems);

                string? scope = null;
                if (fields.ContainsKey("scope") && !JsonText.TryString(fields["scope"], out scope))
                {
                    problems.Add($"{at}/scope: must be a string.");
                }

                string? clientId = RequiredString(fields, "clientId", at, problems);
                Secret? secret = RequiredSecret(fields, "clientSecret", at, problems);
                result = clientId is not null && secret is not null && endpoint is not null ? new OAuthClientCredentialsAuthorization(endpoint, clientId, secret, scope) : null;
                break;
            case "MANAGED_IDENTITY":
                return ReadScopedIdentity(fields, at, problems);
            default:
                problems.Add($"{at}/type: unknown authorization type '{type}' (expected API_KEY, BASIC, OAUTH_CLIENT_CREDENTIALS, MANAGED_IDENTITY or NONE).");
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
