using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Parsing;

/// <summary>Task state fields.</summary>
internal sealed partial class StateParser
{
    private TaskState ParseTask(string name, FieldReader reader)
    {
        reader.Require("Resource");
        var resource = reader.String("Resource");
        if (resource is { Length: 0 })
        {
            diagnostics.Error(DiagnosticCodes.InvalidResource, "Resource must not be empty", reader.Pointer("Resource"));
        }

        reader.AtMostOne("Parameters", "Arguments");
        reader.AtMostOne("TimeoutSeconds", "TimeoutSecondsPath");
        reader.AtMostOne("HeartbeatSeconds", "HeartbeatSecondsPath");
        return new TaskState
        {
            Name = name,
            Resource = resource ?? "",
            Parameters = reader.JsonPathNode("Parameters"),
            Arguments = reader.JsonataNode("Arguments"),
            ResultSelector = reader.JsonPathNode("ResultSelector"),
            ResultPath = reader.Path("ResultPath", "$", allowNull: true),
            Retry = _errorHandling.ParseRetry(reader),
            Catch = _errorHandling.ParseCatch(reader),
            TimeoutSeconds = reader.NumberOrExpression("TimeoutSeconds"),
            TimeoutSecondsPath = reader.Path("TimeoutSecondsPath", null, allowNull: false),
            HeartbeatSeconds = reader.NumberOrExpression("HeartbeatSeconds"),
            HeartbeatSecondsPath = reader.Path("HeartbeatSecondsPath", null, allowNull: false),
            Credentials = reader.Object("Credentials"),
        };
    }
}
