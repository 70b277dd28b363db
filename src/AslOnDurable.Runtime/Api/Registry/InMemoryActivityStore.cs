namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>Activities kept in this process (the embedded default): gone when it ends.</summary>
public sealed class InMemoryActivityStore() : InMemoryResourceStore<ActivityRecord>(a => a.Arn, a => a.Name), IActivityStore;
