using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Tests.Durable;

public sealed class PingActivityTests
{
    [Fact]
    public void Answer_Request_RepliesWithItsIndex()
    {
        string reply = PingActivity.Answer(DurableJson.Serialize(new PingRequest(7)));

        Assert.Equal(new PingReply(7, "pong 7"), DurableJson.Deserialize<PingReply>(reply));
    }
}
