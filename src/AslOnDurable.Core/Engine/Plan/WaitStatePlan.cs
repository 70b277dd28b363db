using System.Text.Json;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled Wait state.</summary>
internal sealed class WaitStatePlan : StatePlan
{
    /// <summary>Compiles the state.</summary>
    public WaitStatePlan(WaitState state, PlanCompiler compiler)
        : base(state, compiler)
    {
        if (IsJsonata)
        {
            JsonataSeconds = compiler.Jsonata(state.Seconds, "Seconds");
            JsonataTimestamp = compiler.Jsonata(state.Timestamp, "Timestamp");
        }
        else
        {
            if (state.Seconds is { } seconds && seconds.GetValueKind() == JsonValueKind.Number)
            {
                Seconds = seconds.GetValue<double>();
            }

            if (state.Timestamp is { } timestamp && timestamp.GetValueKind() == JsonValueKind.String)
            {
                Timestamp = timestamp.GetValue<string>();
            }

            SecondsPath = ValueSelector.CompileOptional(state.SecondsPath);
            TimestampPath = ValueSelector.CompileOptional(state.TimestampPath);
        }
    }

    /// <summary>Literal Seconds.</summary>
    public double? Seconds { get; }

    /// <summary>Literal Timestamp.</summary>
    public string? Timestamp { get; }

    /// <summary>SecondsPath.</summary>
    public ValueSelector? SecondsPath { get; }

    /// <summary>TimestampPath.</summary>
    public ValueSelector? TimestampPath { get; }

    /// <summary>JSONata Seconds.</summary>
    public JsonataTemplate? JsonataSeconds { get; }

    /// <summary>JSONata Timestamp.</summary>
    public JsonataTemplate? JsonataTimestamp { get; }
}
