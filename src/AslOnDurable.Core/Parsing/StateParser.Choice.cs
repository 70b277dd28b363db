using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Core.Parsing;

/// <summary>Choice state fields.</summary>
internal sealed partial class StateParser
{
    private ChoiceState ParseChoice(string name, FieldReader reader)
    {
        reader.Require("Choices");
        return new ChoiceState
        {
            Name = name,
            Choices = _choiceRules.ParseChoices(reader),
            Default = reader.Name("Default"),
        };
    }
}
