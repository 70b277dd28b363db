using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.Map;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Parsing;

/// <summary>Map state fields.</summary>
internal sealed partial class StateParser
{
    private readonly MapConfigParser _mapConfig = new(diagnostics);

    private MapState ParseMap(string name, FieldReader reader)
    {
        if (!reader.Has("ItemProcessor") && !reader.Has("Iterator"))
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "These fields are required: [ItemProcessor]", reader.Location);
        }

        if (!reader.AtMostOne("ItemProcessor", "Iterator"))
        {
            reader.Skip("Iterator");
        }

        reader.AtMostOne("ItemSelector", "Parameters");
        reader.AtMostOne("Items", "ItemsPath");
        reader.AtMostOne("MaxConcurrency", "MaxConcurrencyPath");
        reader.AtMostOne("ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        reader.AtMostOne("ToleratedFailureCount", "ToleratedFailureCountPath");

        StateMachineDefinition? processor = null;
        var config = new ProcessorConfig();
        if (reader.Field("ItemProcessor", out var itemProcessor))
        {
            processor = machines.ParseNested(itemProcessor, reader.Pointer("ItemProcessor"), allowProcessorConfig: true);
            config = _mapConfig.ParseProcessorConfig(itemProcessor, reader.Pointer("ItemProcessor"), reader.Language);
        }
        else if (reader.Field("Iterator", out var iterator))
        {
            processor = machines.ParseNested(iterator, reader.Pointer("Iterator"), allowProcessorConfig: true);
            config = _mapConfig.ParseProcessorConfig(iterator, reader.Pointer("Iterator"), reader.Language);
        }

        var legacyParameters = reader.JsonPathNode("Parameters");
        return new MapState
        {
            Name = name,
            ItemProcessor = processor ?? EmptyProcessor(reader),
            ProcessorConfig = config,
            ItemsPath = reader.Path("ItemsPath", "$", allowNull: false),
            Items = reader.JsonataNode("Items"),
            ItemSelector = reader.Has("ItemSelector") ? reader.Node("ItemSelector") : legacyParameters,
            ItemReader = _mapConfig.ParseItemReader(reader),
            ItemBatcher = _mapConfig.ParseItemBatcher(reader),
            ResultWriter = _mapConfig.ParseResultWriter(reader),
            MaxConcurrency = reader.NumberOrExpression("MaxConcurrency"),
            MaxConcurrencyPath = reader.Path("MaxConcurrencyPath", null, allowNull: false),
            ToleratedFailurePercentage = reader.NumberOrExpression("ToleratedFailurePercentage"),
            ToleratedFailurePercentagePath = reader.Path("ToleratedFailurePercentagePath", null, allowNull: false),
            ToleratedFailureCount = reader.NumberOrExpression("ToleratedFailureCount"),
            ToleratedFailureCountPath = reader.Path("ToleratedFailureCountPath", null, allowNull: false),
            Label = reader.String("Label"),
            ResultSelector = reader.JsonPathNode("ResultSelector"),
            ResultPath = reader.Path("ResultPath", "$", allowNull: true),
            Retry = _errorHandling.ParseRetry(reader),
            Catch = _errorHandling.ParseCatch(reader),
        };
    }

    private static StateMachineDefinition EmptyProcessor(FieldReader reader) => new()
    {
        StartAt = "",
        States = System.Collections.Frozen.FrozenDictionary<string, StateDefinition>.Empty,
        StateNames = [],
        QueryLanguage = reader.Language,
        Location = reader.Pointer("ItemProcessor"),
    };
}
