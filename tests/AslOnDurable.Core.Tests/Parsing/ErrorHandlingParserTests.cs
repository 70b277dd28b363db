using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Core.Tests.Parsing;

public class ErrorHandlingParserTests
{
    [Fact]
    public void ParseCatch_AbsentResultPath_DefaultsToDollar()
    {
        // Arrange
        const string json = """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:x","Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}],"End":true},"F":{"Type":"Fail"}}}""";

        // Act
        var (definition, diagnostics) = ShapeParse.Run(json);

        // Assert
        Assert.Empty(diagnostics);
        Assert.Equal("$", Assert.Single(Assert.IsType<TaskState>(definition!.States["T"]).Catch).ResultPath);
    }

    [Theory]
    [InlineData("""{"ErrorEquals":[]}""", "/States/T/Retry/0/ErrorEquals", "at least one")]
    [InlineData("""{"ErrorEquals":"States.ALL"}""", "/States/T/Retry/0/ErrorEquals", "array")]
    [InlineData("""{"ErrorEquals":[1]}""", "/States/T/Retry/0/ErrorEquals/0", "string")]
    [InlineData("""{"MaxAttempts":1}""", "/States/T/Retry/0", "[ErrorEquals]")]
    [InlineData("""{"ErrorEquals":["E"],"MaxAttempts":1.5}""", "/States/T/Retry/0/MaxAttempts", "integer")]
    [InlineData("""{"ErrorEquals":["E"],"Next":"X"}""", "/States/T/Retry/0/Next", "not supported")]
    public void ParseRetry_MalformedRetrier_ReportsAtField(string retrier, string location, string messagePart)
    {
        // Arrange
        var json = """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:x","Retry":[""" + retrier + """],"End":true}}}""";

        // Act
        var (_, diagnostics) = ShapeParse.Run(json);

        // Assert
        Assert.Contains(diagnostics, d => d.Location == location && d.Message.Contains(messagePart, StringComparison.Ordinal));
    }

    [Fact]
    public void ParseCatch_MissingNext_IsReported()
    {
        // Arrange
        const string json = """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:x","Catch":[{"ErrorEquals":["States.ALL"]}],"End":true}}}""";

        // Act
        var (_, diagnostics) = ShapeParse.Run(json);

        // Assert
        Assert.Equal("/States/T/Catch/0", Assert.Single(diagnostics).Location);
    }

    [Fact]
    public void ParseCatch_OutputInJsonPathMode_IsReported()
    {
        // Arrange
        const string json = """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:x","Catch":[{"ErrorEquals":["States.ALL"],"Next":"T","Output":{}}],"End":true}}}""";

        // Act
        var (_, diagnostics) = ShapeParse.Run(json);

        // Assert
        Assert.Equal("/States/T/Catch/0/Output", Assert.Single(diagnostics).Location);
    }
}
