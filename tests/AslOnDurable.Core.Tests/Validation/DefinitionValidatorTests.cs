using System.Collections.Frozen;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Tests.Parsing;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Tests.Validation;

public class DefinitionValidatorTests
{
    [Fact]
    public void Validate_DefinitionBuiltInCode_ReportsSemanticProblems()
    {
        // Arrange
        var definition = new StateMachineDefinition
        {
            StartAt = "A",
            States = new Dictionary<string, StateDefinition>
            {
                ["A"] = new PassState { Name = "A", Location = "/States/A", Next = "Missing" },
                ["B"] = new SucceedState { Name = "B", Location = "/States/B" },
            }.ToFrozenDictionary(),
            StateNames = ["A", "B"],
        };

        // Act
        var diagnostics = DefinitionValidator.Validate(definition);

        // Assert
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.MissingTransitionTarget && d.Location == "/States/A/Next");
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.MissingTransitionTarget && d.Location == "/States/B");
    }

    [Fact]
    public void Validate_ValidDefinition_ReportsNothing()
    {
        // Arrange
        var definition = new StateMachineDefinition
        {
            StartAt = "A",
            States = new Dictionary<string, StateDefinition> { ["A"] = new SucceedState { Name = "A", Location = "/States/A" } }.ToFrozenDictionary(),
            StateNames = ["A"],
        };

        // Act
        var diagnostics = DefinitionValidator.Validate(definition);

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Parse_ItemsPointerFixture_NoDiagnosticsFromParserOrRules()
    {
        var result = AslOnDurable.Core.Parsing.DefinitionParser.Parse(DefinitionFixtures.Read("item-storage/items-json-pointer.asl.json"));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Parse_ItemsPointerWithJsonlInput_OneDiagnosticAtTheField()
    {
        var json = DefinitionFixtures.Read("item-storage/items-json-pointer.asl.json").Replace("\"InputType\": \"JSON\"", "\"InputType\": \"JSONL\"", StringComparison.Ordinal);

        var result = AslOnDurable.Core.Parsing.DefinitionParser.Parse(json);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.SchemaValidationFailed, diagnostic.Code);
        Assert.Equal("/States/Read/ItemReader/ReaderConfig/ItemsPointer", diagnostic.Location);
    }
}
