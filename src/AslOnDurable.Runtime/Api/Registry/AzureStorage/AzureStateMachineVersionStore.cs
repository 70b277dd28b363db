namespace AslOnDurable.Runtime.Api.Registry.AzureStorage;

/// <summary>The published state machine versions in the registry table (partition <c>version</c>): they outlive the process.</summary>
/// <param name="storage">The tables.</param>
public sealed class AzureStateMachineVersionStore(ApiTableStorage storage)
    : AzureTableResourceStore<StateMachineVersionRecord>(storage, "version", ApiStoreJsonContext.Default.StateMachineVersionRecord, v => v.Arn, v => v.Arn), IStateMachineVersionStore;
