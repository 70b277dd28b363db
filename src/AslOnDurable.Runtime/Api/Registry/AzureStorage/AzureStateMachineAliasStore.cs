namespace AslOnDurable.Runtime.Api.Registry.AzureStorage;

/// <summary>The state machine aliases in the registry table (partition <c>alias</c>): they outlive the process.</summary>
/// <param name="storage">The tables.</param>
public sealed class AzureStateMachineAliasStore(ApiTableStorage storage)
    : AzureTableResourceStore<StateMachineAliasRecord>(storage, "alias", ApiStoreJsonContext.Default.StateMachineAliasRecord, a => a.Arn, a => a.Name), IStateMachineAliasStore;
