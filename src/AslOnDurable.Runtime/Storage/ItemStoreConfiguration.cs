using AslOnDurable.Core.Engine.Items;

namespace AslOnDurable.Runtime.Storage;

/// <summary>
/// The item store of a host configured by app settings (the Functions app): the <c>Storage</c> connection string (the
/// runtime's data account), else <c>AzureWebJobsStorage</c> (the host's own account; <c>UseDevelopmentStorage=true</c>
/// for Azurite). Without either, distributed Maps with an ItemReader fail with <c>States.Runtime</c> naming the setting.
/// </summary>
/// <param name="Store">The store, or <see langword="null"/> when no connection string is configured.</param>
public sealed record ItemStoreConfiguration(IItemStore? Store)
{
    /// <summary>The app setting naming the runtime's data storage account.</summary>
    public const string StorageSetting = "Storage";

    /// <summary>The Functions host's own storage connection, used when <see cref="StorageSetting"/> is absent.</summary>
    public const string WebJobsStorageSetting = "AzureWebJobsStorage";

    /// <summary>Reads the settings.</summary>
    /// <param name="read">Reads one setting (for example <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <returns>The configuration.</returns>
    public static ItemStoreConfiguration FromSettings(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var connection = read(StorageSetting) is { Length: > 0 } storage ? storage : read(WebJobsStorageSetting);
        return new ItemStoreConfiguration(string.IsNullOrWhiteSpace(connection) ? null : new AzureBlobItemStore(connection));
    }
}
