using System.Collections.Frozen;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using AslOnDurable.Runtime.Integrations.Connections;
using AslOnDurable.Runtime.Integrations.Identity;
using Azure.Storage.Blobs;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>The <c>storage</c> section: the account S3, SQS and DynamoDB resources use, and how their names map.</summary>
public sealed partial class IntegrationsConfigurationReader
{
    private const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private AzureStorageIntegration? ReadStorage(JsonNode? node, List<string> problems)
    {
        if (node is not JsonObject fields)
        {
            problems.Add("/storage: must be an object with 'connectionString'.");
            return null;
        }

        int before = problems.Count;
        Secret? connection = null;
        string? accountName = null;
        Uri? blob = null, queue = null, table = null;
        ManagedIdentity? identity = null;
        bool base64 = true;
        Dictionary<string, string> buckets = new(StringComparer.Ordinal);
        Dictionary<string, string> queues = new(StringComparer.Ordinal);
        Dictionary<string, DynamoDbTable> tables = new(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            string at = "/storage/" + Escape(key);
            switch (key)
            {
                case "connectionString":
                    connection = ReadConnectionString(value, at, problems);
                    break;
                case "accountName":
                    if (JsonText.TryString(value, out string? account) && IsAccountName(account))
                    {
                        accountName = account;
                    }
                    else
                    {
                        problems.Add($"{at}: must be a storage account name (3-24 lower-case letters and digits).");
                    }

                    break;
                case "blobServiceUri":
                    blob = ReadUrl(value, at, problems);
                    break;
                case "queueServiceUri":
                    queue = ReadUrl(value, at, problems);
                    break;
                case "tableServiceUri":
                    table = ReadUrl(value, at, problems);
                    break;
                case "managedIdentity":
                    identity = ReadManagedIdentity(value, at, problems);
                    break;
                case "queueMessageEncoding":
                    base64 = JsonText.TryString(value, out string? encoding) && encoding is "base64" or "none"
                        ? encoding == "base64"
                        : Problem(problems, $"{at}: must be \"base64\" (what Azure Functions queue triggers read) or \"none\".");
                    break;
                case "buckets":
                    ReadNameMap(value, at, buckets, AzureNames.IsContainerOrQueueName, "container", problems);
                    break;
                case "queues":
                    ReadNameMap(value, at, queues, AzureNames.IsContainerOrQueueName, "queue", problems);
                    break;
                case "tables":
                    ReadTables(value, at, tables, problems);
                    break;
                default:
                    problems.Add($"{at}: unknown field (expected connectionString or accountName/blobServiceUri/queueServiceUri/tableServiceUri with managedIdentity, queueMessageEncoding, buckets, queues, tables).");
                    break;
            }
        }

        bool byEndpoints = fields.ContainsKey("accountName") || fields.ContainsKey("blobServiceUri") || fields.ContainsKey("queueServiceUri") || fields.ContainsKey("tableServiceUri");
        StorageServiceUris? uris = null;
        if (fields.ContainsKey("connectionString") == (byEndpoints || fields.ContainsKey("managedIdentity")))
        {
            problems.Add("/storage: set 'connectionString' (a connection string, \"azurite\", or {\"env\": \"NAME\"}), or 'accountName' (or the three service URIs) with 'managedIdentity'.");
        }
        else if (!fields.ContainsKey("connectionString"))
        {
            StorageServiceUris? account = accountName is null ? null : StorageServiceUris.ForAccount(accountName);
            if (account is null && (blob is null || queue is null || table is null))
            {
                problems.Add("/storage: without 'accountName' all of 'blobServiceUri', 'queueServiceUri' and 'tableServiceUri' are required.");
            }
            else if (!fields.ContainsKey("managedIdentity"))
            {
                problems.Add("/storage/managedIdentity: required with 'accountName' or service URIs (true, or {\"clientId\": \"…\"}).");
            }
            else
            {
                uris = new StorageServiceUris(blob ?? account!.Blob, queue ?? account!.Queue, table ?? account!.Table);
            }
        }

        return problems.Count == before && (connection is not null || (uris is not null && identity is not null))
            ? new AzureStorageIntegration
            {
                ConnectionString = connection,
                ServiceUris = uris,
                Identity = identity,
                Base64QueueMessages = base64,
                Buckets = buckets.ToFrozenDictionary(StringComparer.Ordinal),
                Queues = queues.ToFrozenDictionary(StringComparer.Ordinal),
                Tables = tables.ToFrozenDictionary(StringComparer.Ordinal),
            }
            : null;
    }

    private Secret? ReadConnectionString(JsonNode? value, string at, List<string> problems)
    {
        Secret? secret = ReadSecret(value, at, problems);
        if (secret is null)
        {
            return null;
        }

        if (string.Equals(secret.Reveal(), AzureStorageIntegration.Azurite, StringComparison.OrdinalIgnoreCase))
        {
            return new Secret(DevelopmentStorage);
        }

        try
        {
            _ = new BlobServiceClient(secret.Reveal());
            return secret;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            problems.Add($"{at}: not a valid storage connection string (expected AccountName=…;AccountKey=…, explicit endpoints, or \"azurite\").");
            return null;
        }
    }

    private static bool IsAccountName(string name) =>
        name.Length is >= 3 and <= 24 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    private static void ReadNameMap(
        JsonNode? node, string at, Dictionary<string, string> names, Func<string, bool> valid, string kind, List<string> problems)
    {
        if (node is not JsonObject map)
        {
            problems.Add($"{at}: must be an object of AWS name to Azure {kind} name.");
            return;
        }

        foreach (var (name, value) in map)
        {
            if (JsonText.TryString(value, out string? azureName) && valid(azureName))
            {
                names[name] = azureName;
            }
            else
            {
                problems.Add($"{at}/{Escape(name)}: must be a valid Azure {kind} name (3-63 lower-case letters, digits and single hyphens).");
            }
        }
    }

    private static void ReadTables(JsonNode? node, string at, Dictionary<string, DynamoDbTable> tables, List<string> problems)
    {
        if (node is not JsonObject map)
        {
            problems.Add($"{at}: must be an object of DynamoDB table name to {{\"partitionKey\": …, \"sortKey\": …, \"azureTable\": …}}.");
            return;
        }

        foreach (var (name, value) in map)
        {
            string tableAt = at + "/" + Escape(name);
            if (value is not JsonObject fields)
            {
                problems.Add($"{tableAt}: must be an object with 'partitionKey' (and optional 'sortKey', 'azureTable').");
                continue;
            }

            int before = problems.Count;
            foreach (var (key, _) in fields)
            {
                if (key is not ("partitionKey" or "sortKey" or "azureTable"))
                {
                    problems.Add($"{tableAt}/{Escape(key)}: unknown field (expected partitionKey, sortKey, azureTable).");
                }
            }

            string? partitionKey = RequiredString(fields, "partitionKey", tableAt, problems);
            string? sortKey = null;
            if (fields.ContainsKey("sortKey") && !(JsonText.TryString(fields["sortKey"], out sortKey) && sortKey.Length > 0))
            {
                problems.Add($"{tableAt}/sortKey: must be a non-empty attribute name.");
            }

            string azureTable = name;
            if (fields.ContainsKey("azureTable"))
            {
                if (!(JsonText.TryString(fields["azureTable"], out string? configured) && AzureNames.IsTableName(configured)))
                {
                    problems.Add($"{tableAt}/azureTable: must be a valid Azure table name (3-63 letters and digits, starting with a letter).");
                }
                else
                {
                    azureTable = configured;
                }
            }
            else if (!AzureNames.IsTableName(name))
            {
                problems.Add($"{tableAt}: '{name}' is not a valid Azure table name (3-63 letters and digits, starting with a letter): add \"azureTable\" with the Azure table to use.");
            }

            if (problems.Count == before && partitionKey is not null)
            {
                tables[name] = new DynamoDbTable(azureTable, partitionKey, sortKey);
            }
        }
    }

    private static bool Problem(List<string> problems, string problem)
    {
        problems.Add(problem);
        return true;
    }
}
