using System.Collections.Frozen;

namespace AslOnDurable.Runtime.Integrations.EventGrid;

/// <summary>The <c>eventGrid</c> section: which Event Grid topic each EventBridge event bus and SNS topic stands for.</summary>
public sealed record EventGridConfiguration
{
    /// <summary>Event buses by name (<c>default</c> when an entry names none).</summary>
    public FrozenDictionary<string, EventGridTopic> EventBuses { get; init; } = FrozenDictionary<string, EventGridTopic>.Empty;

    /// <summary>SNS topics by name (the last part of the topic ARN).</summary>
    public FrozenDictionary<string, EventGridTopic> SnsTopics { get; init; } = FrozenDictionary<string, EventGridTopic>.Empty;
}
