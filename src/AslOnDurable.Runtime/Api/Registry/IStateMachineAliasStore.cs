namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>Where state machine aliases live (in memory: <see cref="InMemoryStateMachineAliasStore"/>).</summary>
public interface IStateMachineAliasStore : IResourceStore<StateMachineAliasRecord>;
