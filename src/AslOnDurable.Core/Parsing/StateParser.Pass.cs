using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Core.Parsing;

/// <summary>Pass state fields.</summary>
internal sealed partial class StateParser
{
    private static PassState ParsePass(string name, FieldReader reader) => new()
    {
        Name = name,
        HasResult = reader.Has("Result") && reader.Language == Model.QueryLanguage.JSONPath,
        Result = reader.JsonPathNode("Result"),
        Parameters = reader.JsonPathNode("Parameters"),
        ResultPath = reader.Path("ResultPath", "$", allowNull: true),
    };
}
