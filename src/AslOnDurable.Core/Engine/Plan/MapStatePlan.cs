using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Model.ErrorHandling;
using AslOnDurable.Core.Model.Map;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Paths.Templates;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled Map state (inline; distributed mode without ItemReader runs the same way).</summary>
internal sealed class MapStatePlan : StatePlan, IRecoverableStatePlan
{
    /// <summary>Compiles the state and its item processor.</summary>
    public MapStatePlan(MapState state, PlanCompiler compiler)
        : base(state, compiler)
    {
        IsDistributed = state.ProcessorConfig.Mode == MapMode.Distributed;
        ResultPath = state.ResultPath;
        Retry = state.Retry;
        Catch = compiler.Catchers(state.Catch, IsJsonata);
        if (IsJsonata)
        {
            Items = compiler.Jsonata(state.Items, "Items");
            JsonataItemSelector = compiler.Jsonata(state.ItemSelector, "ItemSelector");
            JsonataMaxConcurrency = compiler.Jsonata(state.MaxConcurrency, "MaxConcurrency");
            JsonataToleratedFailureCount = compiler.Jsonata(state.ToleratedFailureCount, "ToleratedFailureCount");
            JsonataToleratedFailurePercentage = compiler.Jsonata(state.ToleratedFailurePercentage, "ToleratedFailurePercentage");
        }
        else
        {
            ItemsPath = ValueSelector.CompileOptional(state.ItemsPath);
            ItemSelector = PlanCompiler.Template(state.ItemSelector);
            ResultSelector = PlanCompiler.Template(state.ResultSelector);
            MaxConcurrency = Number(state.MaxConcurrency);
            ToleratedFailureCount = Number(state.ToleratedFailureCount);
            ToleratedFailurePercentage = Number(state.ToleratedFailurePercentage);
            MaxConcurrencyPath = ValueSelector.CompileOptional(state.MaxConcurrencyPath);
            ToleratedFailureCountPath = ValueSelector.CompileOptional(state.ToleratedFailureCountPath);
            ToleratedFailurePercentagePath = ValueSelector.CompileOptional(state.ToleratedFailurePercentagePath);
        }

        ItemProcessor = compiler.CompileMachine(state.ItemProcessor);
        Label = state.Label;
        ExecutionType = state.ProcessorConfig.ExecutionType;
        if (state.ItemReader is { } reader)
        {
            ItemReader = reader;
            var config = reader.ReaderConfig;
            if (IsJsonata)
            {
                ReaderArguments = compiler.Jsonata(reader.Arguments, "ItemReader/Arguments");
                JsonataMaxItems = compiler.Jsonata(config?["MaxItems"], "ItemReader/ReaderConfig/MaxItems");
            }
            else
            {
                ReaderParameters = PlanCompiler.Template(reader.Parameters);
                MaxItems = Number(config?["MaxItems"]);
                MaxItemsPath = ValueSelector.CompileOptional((config?["MaxItemsPath"] as JsonValue)?.GetValue<string>());
            }
        }

        if (state.ResultWriter is { } writer)
        {
            ResultWriter = writer;
            if (IsJsonata)
            {
                WriterArguments = compiler.Jsonata(writer.Arguments, "ResultWriter/Arguments");
            }
            else
            {
                WriterParameters = PlanCompiler.Template(writer.Parameters);
            }
        }
        if (state.ItemBatcher is { } batcher)
        {
            HasItemBatcher = true;
            if (IsJsonata)
            {
                JsonataMaxItemsPerBatch = compiler.Jsonata(batcher.MaxItemsPerBatch, "ItemBatcher/MaxItemsPerBatch");
                JsonataMaxInputBytesPerBatch = compiler.Jsonata(batcher.MaxInputBytesPerBatch, "ItemBatcher/MaxInputBytesPerBatch");
                JsonataBatchInput = compiler.Jsonata(batcher.BatchInput, "ItemBatcher/BatchInput");
            }
            else
            {
                MaxItemsPerBatch = Number(batcher.MaxItemsPerBatch);
                MaxInputBytesPerBatch = Number(batcher.MaxInputBytesPerBatch);
                MaxItemsPerBatchPath = ValueSelector.CompileOptional(batcher.MaxItemsPerBatchPath);
                MaxInputBytesPerBatchPath = ValueSelector.CompileOptional(batcher.MaxInputBytesPerBatchPath);
                BatchInput = PlanCompiler.Template(batcher.BatchInput);
            }
        }
    }

    /// <summary>Whether the state has an ItemBatcher (iterations then receive <c>{"Items": [...], "BatchInput": ...}</c>).</summary>
    public bool HasItemBatcher { get; }

    /// <summary>Literal MaxItemsPerBatch.</summary>
    public double? MaxItemsPerBatch { get; }

    /// <summary>Literal MaxInputBytesPerBatch.</summary>
    public double? MaxInputBytesPerBatch { get; }

    /// <summary>MaxItemsPerBatchPath.</summary>
    public ValueSelector? MaxItemsPerBatchPath { get; }

    /// <summary>MaxInputBytesPerBatchPath.</summary>
    public ValueSelector? MaxInputBytesPerBatchPath { get; }

    /// <summary>JSONPath BatchInput template.</summary>
    public PayloadTemplate? BatchInput { get; }

    /// <summary>JSONata MaxItemsPerBatch.</summary>
    public JsonataTemplate? JsonataMaxItemsPerBatch { get; }

    /// <summary>JSONata MaxInputBytesPerBatch.</summary>
    public JsonataTemplate? JsonataMaxInputBytesPerBatch { get; }

    /// <summary>JSONata BatchInput.</summary>
    public JsonataTemplate? JsonataBatchInput { get; }

    /// <summary>The ItemReader, or <see langword="null"/> when the items come from the input (ItemsPath/Items).</summary>
    public ItemReader? ItemReader { get; }

    /// <summary>The ItemReader's JSONPath Parameters.</summary>
    public PayloadTemplate? ReaderParameters { get; }

    /// <summary>The ItemReader's JSONata Arguments.</summary>
    public JsonataTemplate? ReaderArguments { get; }

    /// <summary>Literal ReaderConfig.MaxItems.</summary>
    public double? MaxItems { get; }

    /// <summary>ReaderConfig.MaxItemsPath.</summary>
    public ValueSelector? MaxItemsPath { get; }

    /// <summary>JSONata ReaderConfig.MaxItems.</summary>
    public JsonataTemplate? JsonataMaxItems { get; }

    /// <summary>The ResultWriter, or <see langword="null"/>.</summary>
    public ResultWriter? ResultWriter { get; }

    /// <summary>The ResultWriter's JSONPath Parameters.</summary>
    public PayloadTemplate? WriterParameters { get; }

    /// <summary>The ResultWriter's JSONata Arguments.</summary>
    public JsonataTemplate? WriterArguments { get; }

    /// <summary>ProcessorConfig.ExecutionType (STANDARD or EXPRESS) of a distributed Map, or <see langword="null"/>.</summary>
    public string? ExecutionType { get; }

    /// <summary>The map run's Label (names the map run and its child executions), or <see langword="null"/>.</summary>
    public string? Label { get; }

    /// <summary>Whether ProcessorConfig.Mode is DISTRIBUTED.</summary>
    public bool IsDistributed { get; }

    /// <summary>The item processor.</summary>
    public StateMachinePlan ItemProcessor { get; }

    /// <summary>ItemsPath.</summary>
    public ValueSelector? ItemsPath { get; }

    /// <summary>ItemSelector.</summary>
    public PayloadTemplate? ItemSelector { get; }

    /// <summary>ResultSelector.</summary>
    public PayloadTemplate? ResultSelector { get; }

    /// <summary>ResultPath.</summary>
    public string? ResultPath { get; }

    /// <summary>Literal MaxConcurrency.</summary>
    public double? MaxConcurrency { get; }

    /// <summary>Literal ToleratedFailureCount.</summary>
    public double? ToleratedFailureCount { get; }

    /// <summary>Literal ToleratedFailurePercentage.</summary>
    public double? ToleratedFailurePercentage { get; }

    /// <summary>MaxConcurrencyPath.</summary>
    public ValueSelector? MaxConcurrencyPath { get; }

    /// <summary>ToleratedFailureCountPath.</summary>
    public ValueSelector? ToleratedFailureCountPath { get; }

    /// <summary>ToleratedFailurePercentagePath.</summary>
    public ValueSelector? ToleratedFailurePercentagePath { get; }

    /// <summary>Retriers.</summary>
    public ImmutableArray<Retrier> Retry { get; }

    /// <summary>Catchers.</summary>
    public CatcherPlan[] Catch { get; }

    /// <summary>JSONata Items.</summary>
    public JsonataTemplate? Items { get; }

    /// <summary>JSONata ItemSelector.</summary>
    public JsonataTemplate? JsonataItemSelector { get; }

    /// <summary>JSONata MaxConcurrency.</summary>
    public JsonataTemplate? JsonataMaxConcurrency { get; }

    /// <summary>JSONata ToleratedFailureCount.</summary>
    public JsonataTemplate? JsonataToleratedFailureCount { get; }

    /// <summary>JSONata ToleratedFailurePercentage.</summary>
    public JsonataTemplate? JsonataToleratedFailurePercentage { get; }

    private static double? Number(JsonNode? node) =>
        node is not null && node.GetValueKind() == JsonValueKind.Number ? node.GetValue<double>() : null;
}
