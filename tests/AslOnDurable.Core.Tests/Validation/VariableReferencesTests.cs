using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Tests.Validation;

public sealed class VariableReferencesTests
{
    [Fact]
    public void Of_JsonPathStates_PathsTemplatesIntrinsicsAndChoiceVariablesOncePerState()
    {
        const string definition = """
            {
              "StartAt": "Set",
              "States": {
                "Set": { "Type": "Pass", "Assign": { "count": 1, "label": "x", "limit": 3 }, "Next": "Use" },
                "Use": {
                  "Type": "Pass",
                  "Parameters": { "n.$": "$count", "text.$": "States.Format('{} of {}', $count, $limit)", "literal": "$notAVariable" },
                  "Assign": { "copy.$": "$label" },
                  "Next": "Check"
                },
                "Check": {
                  "Type": "Choice",
                  "Choices": [ { "Variable": "$count", "NumericLessThanPath": "$limit", "Next": "Done" } ],
                  "Default": "Done"
                },
                "Done": { "Type": "Pass", "InputPath": "$.a", "End": true }
              }
            }
            """;

        var references = VariableReferences.Of(Parse(definition));

        Assert.Equal(["Use", "Check"], references.Keys.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["count", "label", "limit"], references["Use"].Order(StringComparer.Ordinal));
        Assert.Equal(["count", "limit"], references["Check"].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_JsonataStates_FreeVariablesOnly_NestedStatesIncluded()
    {
        const string definition = """
            {
              "QueryLanguage": "JSONata",
              "StartAt": "Set",
              "States": {
                "Set": { "Type": "Pass", "Assign": { "items": [1, 2], "factor": 2 }, "Next": "Each" },
                "Each": {
                  "Type": "Map",
                  "Items": "{% $items %}",
                  "ItemProcessor": {
                    "StartAt": "Scale",
                    "States": {
                      "Scale": { "Type": "Pass", "Output": "{% ($double := function($v) { $v * 2 }; $double($states.input) * $factor) %}", "End": true }
                    }
                  },
                  "Output": "{% $sum($states.result) %}",
                  "End": true
                }
              }
            }
            """;

        var references = VariableReferences.Of(Parse(definition));

        Assert.Equal(2, references.Count);
        Assert.Equal(["items"], references["Each"]);
        Assert.Equal(["factor"], references["Scale"]);
    }

    [Fact]
    public void Of_NoStateReadsAVariable_Empty()
    {
        var references = VariableReferences.Of(Parse("""{"StartAt":"P","States":{"P":{"Type":"Pass","Assign":{"a":1},"End":true}}}"""));

        Assert.Empty(references);
    }

    private static Core.Model.StateMachineDefinition Parse(string text) =>
        DefinitionParser.Parse(text).Definition ?? throw new InvalidOperationException("The test definition does not parse.");
}
