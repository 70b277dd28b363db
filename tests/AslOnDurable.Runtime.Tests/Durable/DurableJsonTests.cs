using System.Text.Json;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Tests.Durable;

public sealed class DurableJsonTests
{
    [Fact]
    public void Serialize_PingInput_UsesCamelCaseWireNames() =>
        Assert.Equal("""{"branches":3,"timerMilliseconds":50}""", DurableJson.Serialize(new PingInput(3, 50)));

    [Fact]
    public void Deserialize_Null_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => DurableJson.Deserialize<PingInput>("null"));

    [Fact]
    public void Options_AreFrozen() => Assert.True(DurableJson.Options.IsReadOnly);
}
