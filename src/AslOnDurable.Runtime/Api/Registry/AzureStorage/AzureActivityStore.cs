namespace AslOnDurable.Runtime.Api.Registry.AzureStorage;

/// <summary>The activities in the registry table (partition <c>activity</c>): they outlive the process.</summary>
/// <param name="storage">The tables.</param>
public sealed class AzureActivityStore(ApiTableStorage storage)
    : AzureTableResourceStore<ActivityRecord>(storage, "activity", ApiStoreJsonContext.Default.ActivityRecord, a => a.Arn, a => a.Name), IActivityStore;
