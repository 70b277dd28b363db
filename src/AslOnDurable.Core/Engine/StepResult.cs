using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine;

/// <summary>What a state executor returns: go to a state, end the machine, or fail.</summary>
internal readonly struct StepResult
{
    private StepResult(StepKind kind, int nextIndex, JsonNode? output, AslError? error)
    {
        Kind = kind;
        NextIndex = nextIndex;
        Output = output;
        Error = error;
    }

    /// <summary>The kind.</summary>
    public StepKind Kind { get; }

    /// <summary>The next state's index (transitions).</summary>
    public int NextIndex { get; }

    /// <summary>The state's output (transitions and ends).</summary>
    public JsonNode? Output { get; }

    /// <summary>The error (failures).</summary>
    public AslError? Error { get; }

    /// <summary>Go to another state (or end when <paramref name="nextIndex"/> is -1).</summary>
    public static StepResult Next(int nextIndex, JsonNode? output) =>
        new(nextIndex < 0 ? StepKind.End : StepKind.Next, nextIndex, output, null);

    /// <summary>End the machine successfully.</summary>
    public static StepResult End(JsonNode? output) => new(StepKind.End, -1, output, null);

    /// <summary>Fail the machine (the state's own Retry/Catch were already applied).</summary>
    public static StepResult Fail(AslError error) => new(StepKind.Fail, -1, null, error);
}
