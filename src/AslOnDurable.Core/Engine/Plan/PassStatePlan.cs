using System.Text.Json.Nodes;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Paths.Templates;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled Pass state.</summary>
internal sealed class PassStatePlan : StatePlan
{
    /// <summary>Compiles the state.</summary>
    public PassStatePlan(PassState state, PlanCompiler compiler)
        : base(state, compiler)
    {
        Result = state.Result;
        HasResult = state.HasResult || state.Result is not null;
        ResultPath = state.ResultPath;
        if (!IsJsonata)
        {
            Parameters = PlanCompiler.Template(state.Parameters);
            ResultPathSplice = History.PayloadTextSplice.For(ResultPath);
        }
    }

    /// <inheritdoc/>
    public override bool TakesHeldInput => IsJsonata;

    /// <summary>The fixed Result (shared: clone before use).</summary>
    public JsonNode? Result { get; }

    /// <summary>Whether Result is present (it may be JSON null).</summary>
    public bool HasResult { get; }

    /// <summary>Parameters.</summary>
    public PayloadTemplate? Parameters { get; }

    /// <summary>ResultPath.</summary>
    public string? ResultPath { get; }

    /// <summary>Where a ResultPath of two or more plain names changes the input's history text, or null (see <see cref="History.PayloadTextSplice"/>).</summary>
    public History.PayloadTextSplice? ResultPathSplice { get; }
}
