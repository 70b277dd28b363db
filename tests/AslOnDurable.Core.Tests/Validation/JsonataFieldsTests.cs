using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Tests.Parsing;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Tests.Validation;

public class JsonataFieldsTests
{
    private static Model.States.StateDefinition State(string json, string name)
    {
        var definition = DefinitionParser.Parse(json).Definition;
        Assert.NotNull(definition);
        return definition.States[name];
    }

    [Fact]
    public void Expressions_TemplateStrings_AreListedWithTheirPointers()
    {
        // Arrange
        var state = State(
            """{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":{"a":["x","{% $v %}"],"b":"{% 1 %}"},"End":true}}}""",
            "A");

        // Act
        var expressions = JsonataFields.Expressions(state).ToArray();

        // Assert
        Assert.Equal([new JsonataFieldExpression(" $v ", "/States/A/Output/a/1"), new JsonataFieldExpression(" 1 ", "/States/A/Output/b")], expressions);
    }

    [Fact]
    public void Expressions_CsvHeaders_AreText()
    {
        // Arrange
        var state = State(DefinitionFixtures.Read("parsing/jsonata-csv-headers-not-parsed.asl.json"), "M");

        // Act
        var expressions = JsonataFields.Expressions(state).ToArray();

        // Assert
        Assert.Empty(expressions);
    }

    [Fact]
    public void Fields_JsonPathState_AreEmpty()
    {
        // Arrange
        var state = State("""{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x":"{% $v %}"},"End":true}}}""", "A");

        // Act
        var fields = JsonataFields.Fields(state).ToArray();

        // Assert
        Assert.Empty(fields);
    }

    [Theory]
    [InlineData("$partition($states.input, 2)")]
    [InlineData("$range(1, 5, 1) ~> $hash('SHA-256')")]
    [InlineData("$random() & $uuid() & $parse('1')")]
    public void Analyze_StepFunctionsFunctions_AreNotFreeVariables(string body)
    {
        // Act
        var analysis = JsonataFields.Analyze(body);

        // Assert
        Assert.NotNull(analysis);
        Assert.DoesNotContain(analysis.FreeVariables, name => name != "states");
    }

    [Fact]
    public void Analyze_SyntaxError_IsNull()
    {
        // Act
        var analysis = JsonataFields.Analyze("a[1,2)");

        // Assert
        Assert.Null(analysis);
    }
}
