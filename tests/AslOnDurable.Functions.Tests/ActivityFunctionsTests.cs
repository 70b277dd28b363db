using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Functions.Tests;

public sealed class ActivityFunctionsTests
{
    [Fact]
    public void Ping_Request_DelegatesToPingActivity() =>
        Assert.Equal(new PingReply(3, "pong 3"), DurableJson.Deserialize<PingReply>(ActivityFunctions.Ping(DurableJson.Serialize(new PingRequest(3)))));
}
