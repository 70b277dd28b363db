using System.Collections.Immutable;
using System.Text.Json;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Parsing;

/// <summary>Parallel state fields.</summary>
internal sealed partial class StateParser
{
    private ParallelState ParseParallel(string name, FieldReader reader)
    {
        reader.Require("Branches");
        reader.AtMostOne("Parameters", "Arguments");
        var branches = ImmutableArray.CreateBuilder<StateMachineDefinition>();
        if (reader.Field("Branches", out var value))
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                reader.TypeError("Branches", "an array");
            }
            else if (value.GetArrayLength() == 0)
            {
                diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "'Branches' must contain at least one branch", reader.Pointer("Branches"));
            }
            else
            {
                var index = 0;
                foreach (var branch in value.EnumerateArray())
                {
                    var parsed = machines.ParseNested(branch, JsonPointer.Append(reader.Pointer("Branches"), index++), allowProcessorConfig: false);
                    if (parsed is not null)
                    {
                        branches.Add(parsed);
                    }
                }
            }
        }

        return new ParallelState
        {
            Name = name,
            Branches = branches.ToImmutable(),
            Parameters = reader.JsonPathNode("Parameters"),
            Arguments = reader.JsonataNode("Arguments"),
            ResultSelector = reader.JsonPathNode("ResultSelector"),
            ResultPath = reader.Path("ResultPath", "$", allowNull: true),
            Retry = _errorHandling.ParseRetry(reader),
            Catch = _errorHandling.ParseCatch(reader),
        };
    }
}
