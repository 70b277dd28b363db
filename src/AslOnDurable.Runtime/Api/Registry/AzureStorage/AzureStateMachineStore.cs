namespace AslOnDurable.Runtime.Api.Registry.AzureStorage;

/// <summary>The state machines in the registry table (partition <c>stateMachine</c>): they outlive the process.</summary>
/// <param name="storage">The tables.</param>
public sealed class AzureStateMachineStore(ApiTableStorage storage)
    : AzureTableResourceStore<StateMachineRecord>(storage, "stateMachine", ApiStoreJsonContext.Default.StateMachineRecord, m => m.Arn, m => m.Name), IStateMachineStore;
