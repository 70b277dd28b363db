using System.Text.Json;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.Map;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Parsing;

/// <summary>Parses a Map state's <c>ProcessorConfig</c>, <c>ItemReader</c>, <c>ItemBatcher</c> and <c>ResultWriter</c>.</summary>
internal sealed class MapConfigParser(DiagnosticBag diagnostics)
{
    /// <summary>AWS's bound on <c>ReaderConfig.ItemsPointer</c>: fewer than 2,000 characters.</summary>
    public const int MaxItemsPointerLength = 2000;

    /// <summary>Reads <c>ProcessorConfig</c> from an <c>ItemProcessor</c> object (inline when absent).</summary>
    public ProcessorConfig ParseProcessorConfig(System.Text.Json.JsonElement itemProcessor, string processorPointer, QueryLanguage language)
    {
        if (itemProcessor.ValueKind != JsonValueKind.Object || !itemProcessor.TryGetProperty("ProcessorConfig", out var element))
        {
            return new ProcessorConfig();
        }

        var pointer = JsonPointer.Append(processorPointer, "ProcessorConfig");
        if (element.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "The value of field 'ProcessorConfig' must be an object", pointer);
            return new ProcessorConfig();
        }

        var reader = new FieldReader(element, pointer, language, diagnostics);
        var mode = MapMode.Inline;
        switch (reader.String("Mode"))
        {
            case null or "INLINE":
                break;
            case "DISTRIBUTED":
                mode = MapMode.Distributed;
                break;
            default:
                diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "The value of field 'Mode' must be one of [INLINE, DISTRIBUTED]", reader.Pointer("Mode"));
                break;
        }

        var executionType = reader.String("ExecutionType");
        if (executionType is not null and not "STANDARD" and not "EXPRESS")
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "The value of field 'ExecutionType' must be one of [STANDARD, EXPRESS]", reader.Pointer("ExecutionType"));
        }

        if (mode == MapMode.Distributed && !reader.Has("ExecutionType"))
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "These fields are required: [ExecutionType] (when Mode is DISTRIBUTED)", pointer);
        }

        reader.ReportUnsupported();
        return new ProcessorConfig { Mode = mode, ExecutionType = executionType };
    }

    /// <summary>Reads the state's <c>ItemReader</c>, if any.</summary>
    public ItemReader? ParseItemReader(FieldReader state)
    {
        if (SubReader(state, "ItemReader") is not { } reader)
        {
            return null;
        }

        reader.Require("Resource");
        reader.AtMostOne("Parameters", "Arguments");
        var result = new ItemReader
        {
            Resource = reader.String("Resource") ?? "",
            ReaderConfig = reader.Object("ReaderConfig"),
            Parameters = reader.JsonPathNode("Parameters"),
            Arguments = reader.JsonataNode("Arguments"),
        };
        if (result.ReaderConfig is not null && SubReader(reader, "ReaderConfig", reportDuplicates: false) is { } config)
        {
            config.AtMostOne("MaxItems", "MaxItemsPath");
            config.NumberOrExpression("MaxItems");
            config.Path("MaxItemsPath", null, allowNull: false);
            CheckItemsPointer(config);
        }

        reader.ReportUnsupported();
        return result;
    }

    /// <summary>
    /// <c>ReaderConfig.ItemsPointer</c>: a JSON Pointer (RFC 6901) shorter than <see cref="MaxItemsPointerLength"/>
    /// characters selecting the items inside a JSON file, so only with <c>InputType</c> JSON.
    /// </summary>
    private static void CheckItemsPointer(FieldReader config)
    {
        if (config.String("ItemsPointer") is not { } pointer)
        {
            return;
        }

        var at = config.Pointer("ItemsPointer");
        if (pointer.Length >= MaxItemsPointerLength)
        {
            config.Diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"The value of field 'ItemsPointer' must be shorter than {MaxItemsPointerLength} characters", at);
        }
        else if (JsonPointer.TryParse(pointer) is null)
        {
            config.Diagnostics.Error(
                DiagnosticCodes.SchemaValidationFailed,
                "The value of field 'ItemsPointer' must be a JSON Pointer: empty or starting with '/', with '~' only in '~0' or '~1'",
                at);
        }

        if (!config.Has("InputType") || config.String("InputType") is not "JSON")
        {
            config.Diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "The field 'ItemsPointer' is only valid with InputType JSON", at);
        }
    }

    /// <summary>Reads the state's <c>ItemBatcher</c>, if any.</summary>
    public ItemBatcher? ParseItemBatcher(FieldReader state)
    {
        if (SubReader(state, "ItemBatcher") is not { } reader)
        {
            return null;
        }

        reader.AtMostOne("MaxItemsPerBatch", "MaxItemsPerBatchPath");
        reader.AtMostOne("MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
        var result = new ItemBatcher
        {
            MaxItemsPerBatch = reader.NumberOrExpression("MaxItemsPerBatch"),
            MaxItemsPerBatchPath = reader.Path("MaxItemsPerBatchPath", null, allowNull: false),
            MaxInputBytesPerBatch = reader.NumberOrExpression("MaxInputBytesPerBatch"),
            MaxInputBytesPerBatchPath = reader.Path("MaxInputBytesPerBatchPath", null, allowNull: false),
            BatchInput = reader.Node("BatchInput"),
        };
        reader.ReportUnsupported();
        return result;
    }

    /// <summary>Reads the state's <c>ResultWriter</c>, if any.</summary>
    public ResultWriter? ParseResultWriter(FieldReader state)
    {
        if (SubReader(state, "ResultWriter") is not { } reader)
        {
            return null;
        }

        reader.AtMostOne("Parameters", "Arguments");
        var result = new ResultWriter
        {
            Resource = reader.String("Resource"),
            Parameters = reader.JsonPathNode("Parameters"),
            Arguments = reader.JsonataNode("Arguments"),
            WriterConfig = reader.Object("WriterConfig"),
        };
        reader.ReportUnsupported();
        return result;
    }

    private FieldReader? SubReader(FieldReader parent, string name, bool reportDuplicates = true)
    {
        if (!parent.Field(name, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            parent.TypeError(name, "an object");
            return null;
        }

        return new FieldReader(element, parent.Pointer(name), parent.Language, diagnostics, reportDuplicates);
    }
}
