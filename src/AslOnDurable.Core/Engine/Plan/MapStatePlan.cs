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
internal sealed class MapStatePlan : StatePlan
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
    }

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
