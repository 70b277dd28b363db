using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.EventGrid;

namespace AslOnDurable.Runtime.Tests.Integrations.EventGrid;

public sealed class EventGridConfigurationTests
{
    [Fact]
    public void Read_ValidTopics_KeyOrIdentityAndSchema()
    {
        IntegrationsConfiguration configuration = new IntegrationsConfigurationReader(_ => null).Read("""
            {"eventGrid": {"eventBuses": {"default": {"endpoint": "https://a.example.com/api/events", "managedIdentity": true, "timeoutSeconds": 5}},
                           "snsTopics": {"t": {"endpoint": "https://b.example.com/api/events", "accessKey": "k", "schema": "EventGrid"}}}}
            """);

        EventGridTopic bus = configuration.EventGrid!.EventBuses["default"];
        Assert.Null(bus.Authentication.Key);
        Assert.Null(bus.Authentication.Identity!.ClientId);
        Assert.Equal(EventGridSchema.CloudEvents, bus.Schema);
        Assert.Equal(TimeSpan.FromSeconds(5), bus.Timeout);
        Assert.Equal(EventGridSchema.EventGrid, configuration.EventGrid.SnsTopics["t"].Schema);
        Assert.Equal("***", configuration.EventGrid.SnsTopics["t"].Authentication.Key!.ToString());
    }

    [Fact]
    public void Read_BadTopics_EveryProblemWithPointerAndNoSecret()
    {
        IntegrationsConfigurationException e = Assert.Throws<IntegrationsConfigurationException>(() => new IntegrationsConfigurationReader(_ => null).Read("""
            {"eventGrid": {"eventBuses": {
               "both": {"endpoint": "https://a.example.com", "accessKey": "secret-text", "managedIdentity": true},
               "neither": {"endpoint": "https://a.example.com"},
               "url": {"endpoint": "ftp://a", "accessKey": "k"},
               "schema": {"endpoint": "https://a.example.com", "accessKey": "k", "schema": "Avro"},
               "env": {"endpoint": "https://a.example.com", "accessKey": {"env": "MISSING_KEY"}},
               "mi": {"endpoint": "https://a.example.com", "managedIdentity": "yes"}},
             "topics": {}}}
            """));

        string text = string.Join("\n", e.Problems);
        Assert.Contains("/eventGrid/eventBuses/both: set exactly one of 'accessKey'", text, StringComparison.Ordinal);
        Assert.Contains("/eventGrid/eventBuses/neither: set exactly one", text, StringComparison.Ordinal);
        Assert.Contains("/eventGrid/eventBuses/url/endpoint: must be an absolute http(s) URL.", text, StringComparison.Ordinal);
        Assert.Contains("/eventGrid/eventBuses/schema/schema:", text, StringComparison.Ordinal);
        Assert.Contains("'MISSING_KEY' is not set", text, StringComparison.Ordinal);
        Assert.Contains("/eventGrid/eventBuses/mi/managedIdentity:", text, StringComparison.Ordinal);
        Assert.Contains("/eventGrid/topics: unknown field", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-text", text, StringComparison.Ordinal);
    }
}
