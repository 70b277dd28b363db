using AslOnDurable.Core.Engine.Context;
using AslOnDurable.Core.Engine.Plan;

namespace AslOnDurable.Core.Engine;

/// <summary>One running state machine: the top level, a Parallel branch or a Map iteration.</summary>
internal sealed class ExecutionFrame
{
    private (string State, System.Text.Json.Nodes.JsonObject Children)? redrive;
    private System.Buffers.ArrayBufferWriter<byte>? payloadText; // holds the last text written
    private System.Buffers.ArrayBufferWriter<byte>? splicedText; // a spliced text is written here while the last is read, then they swap

    /// <summary>Creates a frame.</summary>
    public ExecutionFrame(ExecutionRun run, StateMachinePlan plan, VariableScope scope, BranchAbort? abort)
    {
        Run = run;
        Plan = plan;
        Environment = new StateEnvironment(run, scope);
        Abort = abort;
    }

    /// <summary>The execution.</summary>
    public ExecutionRun Run { get; }

    /// <summary>The machine this frame runs.</summary>
    public StateMachinePlan Plan { get; }

    /// <summary>The evaluation environment.</summary>
    public StateEnvironment Environment { get; }

    /// <summary>Set by the enclosing Parallel/Map when a sibling failed: stop at the next step.</summary>
    public BranchAbort? Abort { get; }

    /// <summary>Whether this is the top-level frame, the only one that may stop at a checkpoint.</summary>
    public bool IsRoot { get; init; }

    /// <summary>
    /// Sets what a redrive keeps of the unfinished Parallel/Map state <paramref name="state"/> this frame resumes at
    /// (see <see cref="History.RedriveTrees"/>); its first attempt takes it.
    /// </summary>
    public void ExpectRedrive(string state, System.Text.Json.Nodes.JsonObject children) => redrive = (state, children);

    /// <summary>What a redrive keeps of <paramref name="state"/>'s children, once (a Retry later reruns them all).</summary>
    /// <param name="state">The Parallel/Map state starting an attempt.</param>
    /// <returns>The tree, or <see langword="null"/>.</returns>
    public System.Text.Json.Nodes.JsonObject? TakeRedrive(string state)
    {
        if (redrive is not { } pending || pending.State != state)
        {
            return null;
        }

        redrive = null;
        return pending.Children;
    }

    /// <summary>
    /// An upper bound of the size of the current state's raw input, known only for the frame's first state while its
    /// input is the node the frame was given (the execution input, measured at the start; a Map iteration's item, a part
    /// of the measured Map input): a Task state whose parameters are its input as is then skips measuring them. The
    /// frame's loop clears it when that state ends.
    /// </summary>
    public long? InputSizeBound { get; set; }

    /// <summary>The id of this frame's last history event.</summary>
    public long LastEventId { get; set; }

    /// <summary>Records an event in this frame's chain.</summary>
    public long Record(string type, System.Text.Json.Nodes.JsonObject? details = null)
    {
        LastEventId = Run.History.Record(type, LastEventId, details);
        return LastEventId;
    }

    /// <summary>Records an event in this frame's chain: with failure details <c>{"error", "cause"}</c> when history is on.</summary>
    public long RecordFailure(string type, Errors.AslError error)
    {
        LastEventId = Run.History.IsEnabled ? Run.History.RecordFailure(type, LastEventId, error) : Run.History.Record(type, LastEventId);
        return LastEventId;
    }

    /// <summary>Records a Map iteration event in this frame's chain: with details <c>{"index", "name"}</c> when history is on.</summary>
    public long RecordIteration(string type, int index, string name)
    {
        LastEventId = Run.History.IsEnabled ? Run.History.RecordIteration(type, LastEventId, index, name) : Run.History.Record(type, LastEventId);
        return LastEventId;
    }

    /// <summary>Records an event with a resource and one payload member in this frame's chain (history on; see <see cref="History.HistoryRecorder.RecordPayload"/>).</summary>
    public long RecordPayload(string type, string? resource, string member, System.Text.Json.Nodes.JsonNode? payload)
    {
        LastEventId = Run.History.RecordPayload(type, LastEventId, resource, member, payload);
        return LastEventId;
    }

    /// <summary>
    /// <paramref name="payload"/> as the compact UTF-8 JSON a state event records (<see cref="History.HistoryRecorder.Snapshot(System.Text.Json.Nodes.JsonNode?, ref System.Buffers.ArrayBufferWriter{byte}?)"/>):
    /// valid until this frame's next call (the frame's loop records it before taking another).
    /// </summary>
    public ReadOnlyMemory<byte> PayloadText(System.Text.Json.Nodes.JsonNode? payload) => Run.History.Snapshot(payload, ref payloadText);

    /// <summary>A payload held as the evaluator's value as <see cref="PayloadText(System.Text.Json.Nodes.JsonNode?)"/> gives its node (its node not built).</summary>
    public ReadOnlyMemory<byte> PayloadText(HeldJsonataValue payload) => Run.History.Snapshot(payload, ref payloadText);

    /// <summary>
    /// The text of a state's <paramref name="output"/> given its <paramref name="input"/>'s text: the input's text itself
    /// when a JSONPath Choice, Wait, Succeed or Pass state (without a result, or with ResultPath <c>$</c> giving back its
    /// input) passed its input on, or for a JSONPath Pass state whose output is its input with the result placed at a
    /// plain dotted ResultPath of two or more names, the input's text with the changed object written anew (<see cref="History.PayloadTextSplice"/>);
    /// otherwise the output written (<see cref="PayloadText(System.Text.Json.Nodes.JsonNode?)"/>). These states change their
    /// input only at the ResultPath (parameters, paths and Assign read it; values taken from it are copies). Only when the
    /// sink takes texts in the frame's buffers (other sinks get every text written, which the tests compare against).
    /// </summary>
    public ReadOnlyMemory<byte> ExitedText(StatePlan state, System.Text.Json.Nodes.JsonNode? input, ReadOnlyMemory<byte> inputText, System.Text.Json.Nodes.JsonNode? output)
    {
        if (output is null || !ReferenceEquals(output, input) || state.IsJsonata || !Run.History.WritesIntoBuffers)
        {
            return PayloadText(output);
        }

        switch (state)
        {
            case ChoiceStatePlan or WaitStatePlan or SucceedStatePlan or PassStatePlan { ResultPath: null or "$" }:
                return inputText;
            case PassStatePlan { ResultPathSplice: { } splice } when splice.TryFind(inputText.Span, output, out var start, out var end, out var changed):
                var text = History.HistoryRecorder.Splice(inputText, start, end, changed, ref splicedText);
                (payloadText, splicedText) = (splicedText, payloadText);
                return text;
            default:
                return PayloadText(output);
        }
    }

    /// <summary>Records a state entered or exited event in this frame's chain (history on; see <see cref="History.HistoryRecorder.RecordState(string, long, string, ReadOnlyMemory{byte}, bool, AssignedVariable[])"/>).</summary>
    public long RecordState(string type, string name, ReadOnlyMemory<byte> payload, bool exited, AssignedVariable[]? assigned = null)
    {
        LastEventId = Run.History.RecordState(type, LastEventId, name, payload, exited, assigned);
        return LastEventId;
    }

    /// <summary>Records a state entered event stamped <paramref name="timestamp"/> (the clock read that also stamps the state's entered time).</summary>
    public long RecordEntered(string type, string name, ReadOnlyMemory<byte> payload, DateTimeOffset timestamp)
    {
        LastEventId = Run.History.RecordState(type, LastEventId, name, payload, exited: false, timestamp);
        return LastEventId;
    }
}
