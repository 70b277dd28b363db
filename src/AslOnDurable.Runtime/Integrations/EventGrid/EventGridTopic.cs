using AslOnDurable.Runtime.Integrations.Identity;

namespace AslOnDurable.Runtime.Integrations.EventGrid;

/// <summary>An Event Grid topic that an EventBridge event bus or an SNS topic stands for.</summary>
/// <param name="Endpoint">The topic endpoint (<c>https://&lt;topic&gt;.&lt;region&gt;-1.eventgrid.azure.net/api/events</c>).</param>
/// <param name="Authentication">The topic's access key (<c>aeg-sas-key</c>) or a managed identity (role <c>EventGrid Data Sender</c>).</param>
/// <param name="Schema">The topic's input schema.</param>
/// <param name="AllowPrivateNetwork">Whether loopback and link-local addresses may be called (local development).</param>
/// <param name="Timeout">How long a publish may take.</param>
public sealed record EventGridTopic(Uri Endpoint, AzureServiceAuthentication Authentication, EventGridSchema Schema, bool AllowPrivateNetwork, TimeSpan Timeout);
