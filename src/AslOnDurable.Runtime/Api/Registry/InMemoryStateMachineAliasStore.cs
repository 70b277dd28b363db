namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>State machine aliases kept in this process (the embedded default): gone when it ends.</summary>
public sealed class InMemoryStateMachineAliasStore() : InMemoryResourceStore<StateMachineAliasRecord>(a => a.Arn, a => a.Name), IStateMachineAliasStore;
