using AslOnDurable.Core.Validation.Rules;

namespace AslOnDurable.Core.Tests.Validation.Rules;

public class ResourceRulesTests
{
    private readonly ResourceRules _rule = new();

    [Fact]
    public void Check_TaskResourceNotAnArn_WarnsInvalidResource()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "validation/task-resource-not-arn.asl.json");

        // Assert
        var diagnostic = RuleHarness.Single(diagnostics, "INVALID_RESOURCE", "/States/T/Resource");
        Assert.Equal(Core.Validation.DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Theory]
    [InlineData("arn:aws:states:::lambda:invoke", true)]
    [InlineData("arn:aws:states:::lambda:invoke.waitForTaskToken", true)]
    [InlineData("arn:aws:lambda:us-east-1:111111111111:function:f", true)]
    [InlineData("arn:aws:states:us-east-1:111111111111:activity:a", true)]
    [InlineData("lambda:invoke", false)]
    [InlineData("arn:aws:states", false)]
    public void IsArn_Resources_FollowArnShape(string resource, bool expected)
    {
        // Act
        var valid = ResourceRules.IsArn(resource);

        // Assert
        Assert.Equal(expected, valid);
    }

    [Fact]
    public void Check_ReaderAndWriterArns_AreAccepted()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "parsing/distributed-map.asl.json");

        // Assert
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("arn:aws:states:::http:invoke.sync")]
    [InlineData("arn:aws:states:::http:invoke.waitForTaskToken.sync")]
    public void Check_HttpTaskWithSyncPattern_ErrorAsAwsWordsAnUnrecognizedResource(string resource)
    {
        // Arrange
        string json = """{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"RESOURCE","End":true}}}""".Replace("RESOURCE", resource, StringComparison.Ordinal);

        // Act
        var diagnostics = RuleHarness.Check(_rule, json);

        // Assert
        var diagnostic = RuleHarness.Single(diagnostics, "SCHEMA_VALIDATION_FAILED", "/States/Call/Resource");
        Assert.Equal(Core.Validation.DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            $"The resource provided {resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
            diagnostic.Message);
    }

    [Fact]
    public void Check_HttpTaskWaitForTaskToken_OnlyAWarningThatAwsRefusesThisExtension()
    {
        // Act
        var diagnostics = RuleHarness.Check(_rule, """{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::http:invoke.waitForTaskToken","End":true}}}""");

        // Assert
        var diagnostic = RuleHarness.Single(diagnostics, "ASLONDURABLE_EXTENSION", "/States/Call/Resource");
        Assert.Equal(Core.Validation.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("AWS Step Functions does not accept", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HttpTask_IsAccepted()
    {
        // Act
        var diagnostics = RuleHarness.Check(_rule, """{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::http:invoke","End":true}}}""");

        // Assert
        Assert.Empty(diagnostics);
    }
}
