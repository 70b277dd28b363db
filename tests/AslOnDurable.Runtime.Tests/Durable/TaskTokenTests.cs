using AslOnDurable.Runtime.Durable;

namespace AslOnDurable.Runtime.Tests.Durable;

public sealed class TaskTokenTests
{
    [Theory]
    [InlineData("exec-1")]
    [InlineData("名前-with-unicode")]
    [InlineData("a")]
    public void TryParse_CreatedToken_GivesBackInstanceAndId(string instanceId)
    {
        Guid id = Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

        string token = TaskToken.Create(instanceId, id);

        Assert.True(TaskToken.TryParse(token, out string parsedInstance, out Guid parsedId));
        Assert.Equal(instanceId, parsedInstance);
        Assert.Equal(id, parsedId);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("AQ==")]
    public void TryParse_Garbage_IsRefused(string? token) =>
        Assert.False(TaskToken.TryParse(token, out _, out _));

    [Fact]
    public void TryParse_OtherVersionOrTooLong_IsRefused()
    {
        string token = TaskToken.Create("exec-1", Guid.NewGuid());
        string otherVersion = "Ag" + token[2..]; // first byte 2 instead of 1

        Assert.False(TaskToken.TryParse(otherVersion, out _, out _));
        Assert.False(TaskToken.TryParse(TaskToken.Create(new string('x', 1600), Guid.NewGuid()), out _, out _));
    }

    [Fact]
    public void EventName_DiffersPerAttempt()
    {
        Assert.NotEqual(TaskToken.EventName(Guid.NewGuid()), TaskToken.EventName(Guid.NewGuid()));
        Assert.StartsWith("AslTaskCallback-", TaskToken.EventName(Guid.Empty), StringComparison.Ordinal);
    }
}
