using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled Fail state.</summary>
internal sealed class FailStatePlan : StatePlan
{
    /// <summary>Compiles the state.</summary>
    public FailStatePlan(FailState state, PlanCompiler compiler)
        : base(state, compiler)
    {
        if (IsJsonata)
        {
            JsonataError = compiler.Jsonata(state.Error, "Error");
            JsonataCause = compiler.Jsonata(state.Cause, "Cause");
        }
        else
        {
            Error = state.Error?.GetValueKind() == System.Text.Json.JsonValueKind.String ? state.Error.GetValue<string>() : null;
            Cause = state.Cause?.GetValueKind() == System.Text.Json.JsonValueKind.String ? state.Cause.GetValue<string>() : null;
            ErrorPath = ValueSelector.CompileOptional(state.ErrorPath);
            CausePath = ValueSelector.CompileOptional(state.CausePath);
        }
    }

    /// <summary>The literal Error.</summary>
    public string? Error { get; }

    /// <summary>The literal Cause.</summary>
    public string? Cause { get; }

    /// <summary>ErrorPath.</summary>
    public ValueSelector? ErrorPath { get; }

    /// <summary>CausePath.</summary>
    public ValueSelector? CausePath { get; }

    /// <summary>JSONata Error.</summary>
    public JsonataTemplate? JsonataError { get; }

    /// <summary>JSONata Cause.</summary>
    public JsonataTemplate? JsonataCause { get; }
}
