namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>State machine versions kept in this process (the embedded default): gone when it ends.</summary>
public sealed class InMemoryStateMachineVersionStore() : InMemoryResourceStore<StateMachineVersionRecord>(v => v.Arn, v => v.Arn), IStateMachineVersionStore;
