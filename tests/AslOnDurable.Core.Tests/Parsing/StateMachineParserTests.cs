using AslOnDurable.Core.Model;

namespace AslOnDurable.Core.Tests.Parsing;

public class StateMachineParserTests
{
    [Fact]
    public void ParseRoot_TopLevelFields_AreRead()
    {
        // Act
        var definition = ShapeParse.Valid("parsing/all-states-jsonpath.asl.json");

        // Assert
        Assert.Equal("Pass", definition.StartAt);
        Assert.Equal("Every state type, JSONPath", definition.Comment);
        Assert.Equal("1.0", definition.Version);
        Assert.Equal(300, definition.TimeoutSeconds);
        Assert.Equal(QueryLanguage.JSONPath, definition.QueryLanguage);
        Assert.Equal("", definition.Location);
        Assert.Equal(["Pass", "Task", "Choice", "Wait", "Parallel", "Map", "Done", "Fail"], definition.StateNames.ToArray());
    }

    [Theory]
    [InlineData("unknown-field", "/States/A/Resource", "Field 'Resource' is not supported")]
    [InlineData("missing-type", "/States/A", "[Type]")]
    [InlineData("wrong-field-type", "/States/A/Next", "must be a string")]
    [InlineData("next-and-end", "/States/A", "[Next, End]")]
    [InlineData("no-next-no-end", "/States/B", "[Next, End]")]
    [InlineData("wait-conflicting-fields", "/States/W", "[Seconds, SecondsPath, Timestamp, TimestampPath]")]
    [InlineData("wait-missing-duration", "/States/W", "One of these fields is required")]
    [InlineData("task-missing-resource", "/States/T", "[Resource]")]
    [InlineData("task-timeout-and-timeout-path", "/States/T", "[TimeoutSeconds, TimeoutSecondsPath]")]
    [InlineData("parameters-and-arguments", "/States/T", "[Parameters, Arguments]")]
    [InlineData("parameters-and-arguments", "/States/T/Arguments", "only supported for the 'JSONata' QueryLanguage")]
    [InlineData("jsonpath-field-in-jsonata", "/States/A/InputPath", "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage")]
    [InlineData("jsonata-field-in-jsonpath", "/States/A/Output", "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage")]
    [InlineData("pass-result-in-jsonata", "/States/A/Result", "only supported for the 'JSONPath'")]
    [InlineData("jsonpath-state-in-jsonata-machine", "/States/A/QueryLanguage", "can not be 'JSONPath'")]
    [InlineData("invalid-query-language", "/QueryLanguage", "[JSONPath, JSONata]")]
    [InlineData("item-processor-query-language", "/States/M/ItemProcessor/QueryLanguage", "not supported")]
    [InlineData("retry-on-pass", "/States/A/Retry", "not supported")]
    [InlineData("retry-jitter-strategy", "/States/T/Retry/0/JitterStrategy", "[FULL, NONE]")]
    [InlineData("map-iterator-and-item-processor", "/States/M", "[ItemProcessor, Iterator]")]
    [InlineData("map-item-selector-and-parameters", "/States/M", "[ItemSelector, Parameters]")]
    [InlineData("map-invalid-mode", "/States/M/ItemProcessor/ProcessorConfig/Mode", "[INLINE, DISTRIBUTED]")]
    [InlineData("fail-error-and-error-path", "/States/F", "[Error, ErrorPath]")]
    [InlineData("fail-with-input-path", "/States/F/InputPath", "not supported")]
    [InlineData("succeed-with-assign", "/States/S/Assign", "not supported")]
    [InlineData("invalid-version", "/Version", "'1.0'")]
    [InlineData("unknown-top-level-field", "/Comments", "not supported")]
    [InlineData("empty-states", "/States", "at least one state")]
    [InlineData("missing-start-at", "", "[StartAt]")]
    [InlineData("empty-next", "/States/A/Next", "must not be empty")]
    [InlineData("map-distributed-without-execution-type", "/States/M/ItemProcessor/ProcessorConfig", "[ExecutionType]")]
    [InlineData("duplicate-key-in-template", "/States/A/Parameters/nested/x", "more than once")]
    public void ParseRoot_InvalidShape_ReportsSchemaValidationFailedAtField(string fixture, string location, string messagePart)
    {
        // Act
        var (_, diagnostics) = ShapeParse.Fixture($"validation/{fixture}.asl.json");

        // Assert
        Assert.True(
            diagnostics.Any(d => d.Code == "SCHEMA_VALIDATION_FAILED" && d.Location == location && d.Message.Contains(messagePart, StringComparison.Ordinal)),
            Validation.Rules.RuleHarness.Describe(diagnostics));
    }

    [Fact]
    public void ParseRoot_DuplicateStateKey_ReportsDuplicateStateName()
    {
        // Arrange
        const string json = """{"StartAt":"A","States":{"A":{"Type":"Succeed"},"A":{"Type":"Succeed"}}}""";

        // Act
        var (definition, diagnostics) = ShapeParse.Run(json);

        // Assert
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("DUPLICATE_STATE_NAME", "/States/A"), (diagnostic.Code, diagnostic.Location));
        Assert.Single(definition!.StateNames);
    }

    [Fact]
    public void ParseRoot_NotAnObject_ReportsAtRoot()
    {
        // Act
        var (definition, diagnostics) = ShapeParse.Run("[1]");

        // Assert
        Assert.Null(definition);
        Assert.Equal("", Assert.Single(diagnostics).Location);
    }

    [Fact]
    public void ParseRoot_ManyProblems_ReportsEveryOne()
    {
        // Arrange
        const string json = """{"StartAt":"A","States":{"A":{"Type":"Pass","Bogus":1,"Other":2,"End":"yes"}}}""";

        // Act
        var (_, diagnostics) = ShapeParse.Run(json);

        // Assert
        var locations = diagnostics.Select(d => d.Location).ToList();
        Assert.Contains("/States/A/End", locations);
        Assert.Contains("/States/A/Bogus", locations);
        Assert.Contains("/States/A/Other", locations);
    }
}
