using AslOnDurable.Runtime.Hosting;
using DurableTask.Core.Serializing;

namespace AslOnDurable.Runtime.Tests.Hosting;

public sealed class StringPayloadDataConverterTests
{
    [Theory]
    [InlineData("""{"definition":"{\"StartAt\":\"A\"}","input":{"name":"Zoë <b> & \u0001"}}""")]
    [InlineData("")]
    public void Serialize_String_IsTheJsonStringNewtonsoftReadsBack(string payload)
    {
        var json = StringPayloadDataConverter.Instance.Serialize(payload);

        Assert.Equal(payload, JsonDataConverter.Default.Deserialize<string>(json));
        Assert.Equal(payload, StringPayloadDataConverter.Instance.Deserialize<string>(json));
    }

    [Fact]
    public void Serialize_OtherTypes_GoThroughDurableTasksDefault()
    {
        var value = new[] { 1, 2 };

        Assert.Equal(JsonDataConverter.Default.Serialize(value), StringPayloadDataConverter.Instance.Serialize(value));
    }

    [Fact]
    public void Deserialize_StringFromNewtonsoft_ReadsTheSameText()
    {
        var json = JsonDataConverter.Default.Serialize("line\nbreak \"quoted\"");

        Assert.Equal("line\nbreak \"quoted\"", StringPayloadDataConverter.Instance.Deserialize<string>(json));
    }
}
