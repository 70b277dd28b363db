using AslOnDurable.Runtime.Integrations.Identity;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace AslOnDurable.Runtime.Integrations.AzureStorage;

/// <summary>
/// Builds the Blob, Queue and Table service clients of the <c>storage</c> section: from its connection string, or from
/// its service endpoints with a managed identity's token. No storage configured gives no clients.
/// </summary>
/// <param name="storage">The section, or <see langword="null"/>.</param>
/// <param name="credentials">Managed identity credentials.</param>
/// <param name="transport">The HTTP pipeline transport (a fake in tests), or <see langword="null"/> for the SDK's.</param>
public sealed class AzureStorageClients(AzureStorageIntegration? storage, AzureCredentials credentials, HttpPipelineTransport? transport = null)
{
    /// <summary>The Blob service, or <see langword="null"/>.</summary>
    /// <returns>The client.</returns>
    public BlobServiceClient? Blobs()
    {
        BlobClientOptions options = new();
        Apply(options);
        return storage switch
        {
            { ConnectionString: { } connection } => new BlobServiceClient(connection.Reveal(), options),
            { ServiceUris: { } uris } => new BlobServiceClient(uris.Blob, Credential(), options),
            _ => null,
        };
    }

    /// <summary>The Queue service, or <see langword="null"/>.</summary>
    /// <returns>The client.</returns>
    public QueueServiceClient? Queues()
    {
        QueueClientOptions options = new();
        Apply(options);
        return storage switch
        {
            { ConnectionString: { } connection } => new QueueServiceClient(connection.Reveal(), options),
            { ServiceUris: { } uris } => new QueueServiceClient(uris.Queue, Credential(), options),
            _ => null,
        };
    }

    /// <summary>The Table service, or <see langword="null"/>.</summary>
    /// <returns>The client.</returns>
    public TableServiceClient? Tables()
    {
        TableClientOptions options = new();
        Apply(options);
        return storage switch
        {
            { ConnectionString: { } connection } => new TableServiceClient(connection.Reveal(), options),
            { ServiceUris: { } uris } => new TableServiceClient(uris.Table, Credential(), options),
            _ => null,
        };
    }

    private TokenCredential Credential() => credentials.For(storage?.Identity ?? ManagedIdentity.Default);

    private void Apply(ClientOptions options)
    {
        if (transport is not null)
        {
            options.Transport = transport;
        }
    }
}
