using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Context;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine;

/// <summary>What a state executor returns: go to a state, end the machine, or fail.</summary>
internal readonly struct StepResult
{
    private readonly long outputBound; // what is known of Output (PayloadBound.Pack: 0 for nothing)

    private StepResult(StepKind kind, int nextIndex, JsonNode? output, AslError? error, HeldJsonataValue? held = null)
    {
        Kind = kind;
        NextIndex = nextIndex;
        Output = output;
        Error = error;
        Held = held;
    }

    private StepResult(StepResult step, Lifecycle.PayloadBound bound)
        : this(step.Kind, step.NextIndex, step.Output, step.Error, step.Held)
    {
        outputBound = Lifecycle.PayloadBound.Pack(bound);
    }

    /// <summary>The kind.</summary>
    public StepKind Kind { get; }

    /// <summary>The next state's index (transitions).</summary>
    public int NextIndex { get; }

    /// <summary>The state's output (transitions and ends), unless it is <see cref="Held"/>.</summary>
    public JsonNode? Output { get; }

    /// <summary>
    /// The state's output held as the evaluator's value, its node not built (then <see cref="Output"/> is null): a
    /// JSONata Output passed on to the next state, which takes it as <c>$states.input</c> as it is when that state is a
    /// JSONata Pass, Choice or Succeed; the node is built only for anything else.
    /// </summary>
    public HeldJsonataValue? Held { get; }

    /// <summary>The output's node (built on first need when the output is <see cref="Held"/>).</summary>
    public JsonNode? OutputNode => Held is { } held ? held.Node : Output;

    /// <summary>The error (failures).</summary>
    public AslError? Error { get; }

    /// <summary>What is known of <see cref="Output"/>'s size without measuring it (see <see cref="Lifecycle.PayloadBound"/>), if anything.</summary>
    public Lifecycle.PayloadBound? OutputBound => Lifecycle.PayloadBound.Unpack(outputBound);

    /// <summary>
    /// This step with <paramref name="bound"/> known of its output, when the output is <paramref name="node"/> itself
    /// (the value the bound is of, passed on unchanged); else this step as it is.
    /// </summary>
    /// <param name="node">The value the bound is of.</param>
    /// <param name="bound">Its bound, or <see langword="null"/>.</param>
    /// <returns>The step.</returns>
    public StepResult WithOutputBound(JsonNode? node, Lifecycle.PayloadBound? bound) =>
        bound is { } known && Held is null && Kind != StepKind.Fail && ReferenceEquals(Output, node) ? new(this, known) : this;

    /// <summary>Go to another state (or end when <paramref name="nextIndex"/> is -1).</summary>
    public static StepResult Next(int nextIndex, JsonNode? output) =>
        new(nextIndex < 0 ? StepKind.End : StepKind.Next, nextIndex, output, null);

    /// <summary>Go to another state (or end) with an output held as the evaluator's value (see <see cref="Held"/>).</summary>
    public static StepResult Next(int nextIndex, HeldJsonataValue output) =>
        new(nextIndex < 0 ? StepKind.End : StepKind.Next, nextIndex, null, null, output);

    /// <summary>End the machine successfully.</summary>
    public static StepResult End(JsonNode? output) => new(StepKind.End, -1, output, null);

    /// <summary>Fail the machine (the state's own Retry/Catch were already applied).</summary>
    public static StepResult Fail(AslError error) => new(StepKind.Fail, -1, null, error);
}
