using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Core.Tests.Parsing;

public class JsonPointerTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a/b", "a~1b")]
    [InlineData("c~d", "c~0d")]
    [InlineData("~/", "~0~1")]
    public void Escape_SpecialCharacters_FollowRfc6901(string token, string expected)
    {
        // Act
        var escaped = JsonPointer.Escape(token);

        // Assert
        Assert.Equal(expected, escaped);
    }

    [Fact]
    public void Append_NameAndIndex_BuildsPointer()
    {
        // Act
        var pointer = JsonPointer.Append(JsonPointer.Append(JsonPointer.Append("", "States"), "a/b"), 3);

        // Assert
        Assert.Equal("/States/a~1b/3", pointer);
    }
}
