namespace AslOnDurable.Runtime.Integrations.EventGrid;

/// <summary>The event schema an Event Grid topic takes (set when the topic is created).</summary>
public enum EventGridSchema
{
    /// <summary>CloudEvents 1.0, structured JSON batches (<c>application/cloudevents-batch+json</c>).</summary>
    CloudEvents,

    /// <summary>The Event Grid schema (<c>id</c>, <c>subject</c>, <c>eventType</c>, <c>eventTime</c>, <c>dataVersion</c>, <c>data</c>).</summary>
    EventGrid,
}
