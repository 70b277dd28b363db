namespace AslOnDurable.Runtime.Integrations.AzureStorage;

/// <summary>A storage account's service endpoints (<c>https://&lt;account&gt;.blob.core.windows.net</c>, …).</summary>
/// <param name="Blob">The Blob service.</param>
/// <param name="Queue">The Queue service.</param>
/// <param name="Table">The Table service.</param>
public sealed record StorageServiceUris(Uri Blob, Uri Queue, Uri Table)
{
    /// <summary>The public-cloud endpoints of an account.</summary>
    /// <param name="accountName">The account name.</param>
    /// <returns>The endpoints.</returns>
    public static StorageServiceUris ForAccount(string accountName) => new(
        new Uri($"https://{accountName}.blob.core.windows.net"),
        new Uri($"https://{accountName}.queue.core.windows.net"),
        new Uri($"https://{accountName}.table.core.windows.net"));
}
