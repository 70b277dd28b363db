using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Tests.Executions;

public sealed class SerializedPayloadTests
{
    [Theory]
    [InlineData("\"{\\\"a\\\":1}\"", "{\"a\":1}")]
    [InlineData("\"plain\"", "plain")]
    [InlineData("{\"a\":1}", "{\"a\":1}")]
    [InlineData("42", "42")]
    [InlineData("\"broken", "\"broken")]
    [InlineData("", "")]
    public void Unwrap_StoredValue_ReturnsPayloadText(string stored, string expected) =>
        Assert.Equal(expected, SerializedPayload.Unwrap(stored));

    [Fact]
    public void Unwrap_Null_ReturnsNull() => Assert.Null(SerializedPayload.Unwrap(null));
}
