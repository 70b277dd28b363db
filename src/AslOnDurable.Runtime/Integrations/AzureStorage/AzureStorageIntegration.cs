using System.Collections.Frozen;
using AslOnDurable.Runtime.Integrations.Connections;
using AslOnDurable.Runtime.Integrations.Identity;

namespace AslOnDurable.Runtime.Integrations.AzureStorage;

/// <summary>
/// The storage account S3 (Blob Storage), SQS (Storage Queues) and DynamoDB (Table Storage) resources run against:
/// the <c>storage</c> section of the integrations configuration.
/// </summary>
public sealed record AzureStorageIntegration
{
    /// <summary>The value of <c>connectionString</c> that stands for the local Azurite emulator on its default ports.</summary>
    public const string Azurite = "azurite";

    /// <summary>
    /// The account's connection string (<c>azurite</c> is read as <c>UseDevelopmentStorage=true</c>), or
    /// <see langword="null"/> when the account is reached with a managed identity (<see cref="Identity"/>).
    /// </summary>
    public Secret? ConnectionString { get; init; }

    /// <summary>The Blob, Queue and Table service endpoints when <see cref="ConnectionString"/> is not set.</summary>
    public StorageServiceUris? ServiceUris { get; init; }

    /// <summary>The identity the account is reached with when <see cref="ConnectionString"/> is not set (role: Storage Blob/Queue/Table Data Contributor).</summary>
    public ManagedIdentity? Identity { get; init; }

    /// <summary>Whether queue messages are written Base64-encoded (what Azure Functions queue triggers read by default).</summary>
    public bool Base64QueueMessages { get; init; } = true;

    /// <summary>S3 bucket names mapped to container names (<c>buckets</c>); unmapped buckets are containers of the same name.</summary>
    public FrozenDictionary<string, string> Buckets { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>SQS queue names mapped to Azure queue names (<c>queues</c>); unmapped names are lower-cased with '_' as '-'.</summary>
    public FrozenDictionary<string, string> Queues { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>DynamoDB tables (<c>tables</c>): their Azure table and key schema.</summary>
    public FrozenDictionary<string, DynamoDbTable> Tables { get; init; } = FrozenDictionary<string, DynamoDbTable>.Empty;
}
