using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Core.Parsing;

/// <summary>Fail state fields.</summary>
internal sealed partial class StateParser
{
    private static FailState ParseFail(string name, FieldReader reader)
    {
        reader.AtMostOne("Error", "ErrorPath");
        reader.AtMostOne("Cause", "CausePath");
        return new FailState
        {
            Name = name,
            Error = reader.StringOrExpression("Error"),
            ErrorPath = reader.Path("ErrorPath", null, allowNull: false),
            Cause = reader.StringOrExpression("Cause"),
            CausePath = reader.Path("CausePath", null, allowNull: false),
        };
    }
}
