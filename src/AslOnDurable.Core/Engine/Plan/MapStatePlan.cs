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
        UnsupportedField = state.ItemReader is not null ? "ItemReader"
            : state.ResultWriter is not null ? "ResultWriter"
            : null;
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

    /// <summary>A distributed-Map field this engine cannot run yet (ItemReader, ResultWriter), or <see langword="null"/>.</summary>
    public string? UnsupportedField { get; }

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
