namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>Where activities live: in memory for the embedded default (<see cref="InMemoryActivityStore"/>).</summary>
public interface IActivityStore : IResourceStore<ActivityRecord>;
