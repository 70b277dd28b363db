using System.Text.Json;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Parsing;

/// <summary>
/// Parses one state object into its record: the fields its type allows in its query language, with their
/// types checked. The fields common to several types are read here; each type has its own partial file.
/// </summary>
internal sealed partial class StateParser(StateMachineParser machines, DiagnosticBag diagnostics)
{
    private readonly ChoiceRuleParser _choiceRules = new(diagnostics);
    private readonly ErrorHandlingParser _errorHandling = new(diagnostics);

    /// <summary>Parses a state. Always returns a record (a stand-in Pass state when the type is unknown) so later checks still see the name and transitions.</summary>
    public StateDefinition Parse(string name, JsonElement element, string location, QueryLanguage machineLanguage)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"State '{name}' must be a JSON object", location);
            return new PassState { Name = name, Location = location, End = true, QueryLanguage = machineLanguage };
        }

        var language = machineLanguage;
        if (element.TryGetProperty("QueryLanguage", out var declared))
        {
            var stateLanguage = machines.ReadQueryLanguage(declared, JsonPointer.Append(location, "QueryLanguage"));
            if (stateLanguage == QueryLanguage.JSONPath && machineLanguage == QueryLanguage.JSONata)
            {
                diagnostics.Error(
                    DiagnosticCodes.SchemaValidationFailed,
                    "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
                    JsonPointer.Append(location, "QueryLanguage"));
            }
            else if (stateLanguage is { } known)
            {
                language = known;
            }
        }

        var reader = new FieldReader(element, location, language, diagnostics);
        reader.Skip("QueryLanguage");
        reader.Require("Type");
        var type = reader.String("Type");
        StateDefinition? state = type switch
        {
            "Pass" => ParsePass(name, reader),
            "Task" => ParseTask(name, reader),
            "Choice" => ParseChoice(name, reader),
            "Wait" => ParseWait(name, reader),
            "Succeed" => new SucceedState { Name = name },
            "Fail" => ParseFail(name, reader),
            "Parallel" => ParseParallel(name, reader),
            "Map" => ParseMap(name, reader),
            _ => null,
        };

        if (state is null)
        {
            if (type is not null)
            {
                diagnostics.Error(
                    DiagnosticCodes.SchemaValidationFailed,
                    $"Unknown state type '{type}': expected one of [Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map]",
                    reader.Pointer("Type"));
            }

            return StandIn(name, element, location, language);
        }

        state = ReadCommon(state, reader);
        reader.ReportUnsupported();
        return state;
    }

    private static PassState StandIn(string name, JsonElement element, string location, QueryLanguage language)
    {
        var next = element.TryGetProperty("Next", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        return new PassState { Name = name, Location = location, QueryLanguage = language, Next = next, End = next is null };
    }

    private static StateDefinition ReadCommon(StateDefinition state, FieldReader reader)
    {
        var hasTransition = state is not (ChoiceState or SucceedState or FailState);
        var hasInputOutput = state is not FailState;
        var hasAssign = state is not (SucceedState or FailState);

        string? next = null;
        var end = false;
        if (hasTransition)
        {
            (next, end) = ReadTransition(reader);
        }

        var inputPath = "$";
        var outputPath = "$";
        System.Text.Json.Nodes.JsonNode? output = null;
        var hasOutput = false;
        if (hasInputOutput)
        {
            inputPath = reader.Path("InputPath", "$", allowNull: true);
            outputPath = reader.Path("OutputPath", "$", allowNull: true);
            output = reader.JsonataNode("Output");
            hasOutput = output is not null || reader.HasJsonata("Output");
        }

        return state with
        {
            Location = reader.Location,
            Comment = reader.String("Comment"),
            QueryLanguage = reader.Language,
            Next = next,
            End = end,
            InputPath = inputPath,
            OutputPath = outputPath,
            Output = output,
            HasOutput = hasOutput,
            Assign = hasAssign ? reader.Object("Assign") : null,
        };
    }

    private static (string? Next, bool End) ReadTransition(FieldReader reader)
    {
        var next = reader.Name("Next");
        var end = reader.Boolean("End") ?? false;
        if (reader.Has("Next") && reader.Has("End"))
        {
            reader.Diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "There should only be one of the following fields: [Next, End]", reader.Location);
        }
        else if (!reader.Has("Next") && !end)
        {
            reader.Diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "One of these fields is required: [Next, End] (with \"End\": true)", reader.Location);
        }

        return (next, end && next is null);
    }
}
