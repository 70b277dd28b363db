using AslOnDurable.Core.Engine.Context;
using AslOnDurable.Core.Engine.Plan;

namespace AslOnDurable.Core.Engine;

/// <summary>One running state machine: the top level, a Parallel branch or a Map iteration.</summary>
/// <remarks>
/// The frame is its own evaluation environment (<see cref="Environment"/> is the frame): one object less for every Map
/// iteration and Parallel branch, in every episode of a durable execution.
/// </remarks>
internal sealed class ExecutionFrame : StateEnvironment
{
    // Fields kept as few bytes as they need (a Map iteration is a frame): the input's size bound with -1 for none, so the
    // last event's time adds no size to the frame.
    private RedriveExpectation? redrive; // a reference, not a nullable tuple: rare, and every frame carries the field
    private long inputSizeBound = -1;
    private System.Buffers.ArrayBufferWriter<byte>? payloadText; // holds the last text written
    private System.Buffers.ArrayBufferWriter<byte>? splicedText; // a spliced text is written here while the last is read, then they swap
    private DateTimeOffset lastStamp; // the timestamp of this frame's last kept event (history on)
    private Executors.BranchScheduler.IEndObserver? endObserver;
    private int endIndex;
    private int endReport; // 0 running, 1 its scheduler waits for its report, 2 ended first (the scheduler watches its task)

    /// <summary>Creates a frame.</summary>
    public ExecutionFrame(ExecutionRun run, StateMachinePlan plan, VariableScope scope, BranchAbort? abort)
        : base(run, scope)
    {
        Plan = plan;
        Abort = abort;
    }

    /// <summary>The machine this frame runs.</summary>
    public StateMachinePlan Plan { get; }

    /// <summary>The evaluation environment (this frame).</summary>
    public StateEnvironment Environment => this;

    /// <summary>Set by the enclosing Parallel/Map when a sibling failed: stop at the next step.</summary>
    public BranchAbort? Abort { get; }

    /// <summary>Whether this is the top-level frame, the only one that may stop at a checkpoint.</summary>
    public bool IsRoot { get; init; }

    /// <summary>
    /// Sets what a redrive keeps of the unfinished Parallel/Map state <paramref name="state"/> this frame resumes at
    /// (see <see cref="History.RedriveTrees"/>); its first attempt takes it.
    /// </summary>
    public void ExpectRedrive(string state, System.Text.Json.Nodes.JsonObject children) => redrive = new(state, children);

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
    public long? InputSizeBound
    {
        get => inputSizeBound >= 0 ? inputSizeBound : null;
        set => inputSizeBound = value ?? -1;
    }

    /// <summary>
    /// Asks the frame to report how it ends as branch <paramref name="index"/> (a Map iteration or Parallel branch whose
    /// start returned before it ended): no continuation, closure and delegate on its task per pending branch and episode.
    /// </summary>
    /// <returns><see langword="false"/> when it ended meanwhile (in memory, on another thread): its task tells then.</returns>
    public bool ReportEndTo(Executors.BranchScheduler.IEndObserver observer, int index)
    {
        endObserver = observer;
        endIndex = index;
        return Interlocked.CompareExchange(ref endReport, 1, 0) == 0;
    }

    /// <summary>The frame's loop ended (its variables released): reports it when <see cref="ReportEndTo"/> asked for it.</summary>
    public void Ended(BranchOutcome outcome, System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure)
    {
        if (Interlocked.Exchange(ref endReport, 2) == 1)
        {
            endObserver!.Ended(endIndex, outcome, failure);
        }
    }

    /// <summary>The id of this frame's last history event.</summary>
    public long LastEventId { get; set; }

    /// <summary>Records an event in this frame's chain.</summary>
    public long Record(string type, System.Text.Json.Nodes.JsonObject? details = null)
    {
        LastEventId = Run.History.Record(type, LastEventId, details, ref lastStamp);
        return LastEventId;
    }

    /// <summary>Records an event in this frame's chain: with failure details <c>{"error", "cause"}</c> when history is on.</summary>
    public long RecordFailure(string type, Errors.AslError error)
    {
        LastEventId = Run.History.IsEnabled ? Run.History.RecordFailure(type, LastEventId, error, ref lastStamp) : Run.History.Record(type, LastEventId);
        return LastEventId;
    }

    /// <summary>Records a Map iteration event in this frame's chain: with details <c>{"index", "name"}</c> when history is on.</summary>
    public long RecordIteration(string type, int index, string name)
    {
        LastEventId = Run.History.IsEnabled ? Run.History.RecordIteration(type, LastEventId, index, name, ref lastStamp) : Run.History.Record(type, LastEventId);
        return LastEventId;
    }

    /// <summary>Records an event with a resource and one payload member in this frame's chain (history on; see <see cref="History.HistoryRecorder.RecordPayload(string, long, string?, string, System.Text.Json.Nodes.JsonNode?)"/>).</summary>
    public long RecordPayload(string type, string? resource, string member, System.Text.Json.Nodes.JsonNode? payload)
    {
        LastEventId = Run.History.RecordPayload(type, LastEventId, resource, member, payload, ref lastStamp);
        return LastEventId;
    }

    /// <summary>
    /// Records a payload event as <see cref="RecordPayload"/> does when its text, written once, shows the payload within
    /// <paramref name="limit"/> bytes (<see cref="History.HistoryRecorder.TryRecordPayloadWithin"/>); otherwise records
    /// nothing and returns false: the caller measures the payload and records as before.
    /// </summary>
    public bool TryRecordPayloadWithin(string type, string? resource, string member, System.Text.Json.Nodes.JsonNode? payload, int limit)
    {
        if (payload is null || !Run.History.TryRecordPayloadWithin(type, LastEventId, resource, member, payload, limit, ref lastStamp, out var id))
        {
            return false;
        }

        LastEventId = id;
        return true;
    }

    /// <summary>
    /// <paramref name="payload"/> as the compact UTF-8 JSON a state event records (<see cref="History.HistoryRecorder.Snapshot(System.Text.Json.Nodes.JsonNode?, ref System.Buffers.ArrayBufferWriter{byte}?)"/>):
    /// valid until this frame's next call (the frame's loop records it before taking another).
    /// </summary>
    public ReadOnlyMemory<byte> PayloadText(System.Text.Json.Nodes.JsonNode? payload) => Run.History.Snapshot(payload, ref payloadText);

    /// <summary>
    /// A payload held as the evaluator's value as <see cref="PayloadText(System.Text.Json.Nodes.JsonNode?)"/> gives its
    /// node (its node not built), copying <paramref name="input"/>'s text (the state's input, written last; none:
    /// <see langword="default"/>) where the payload holds that input or begins with its members. The text is written
    /// beside the last one, which it may copy from, and then takes its place.
    /// </summary>
    public ReadOnlyMemory<byte> PayloadText(HeldJsonataValue payload, in Jsonata.JsonataValueText input)
    {
        var text = Run.History.Snapshot(payload, in input, ref splicedText);
        (payloadText, splicedText) = (splicedText, payloadText);
        return text;
    }

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

    /// <summary>
    /// Records a state exited event in this frame's chain (history on; see <see cref="History.HistoryRecorder.RecordState(string, long, string, ReadOnlyMemory{byte}, bool, DateTimeOffset, AssignedVariable[])"/>),
    /// stamped with the time of the frame's last event unless <paramref name="readClock"/>: a state's last event before
    /// its exit is recorded when its work is done (its entered event for a Pass, Choice, Succeed or Fail state, whose work
    /// is evaluation only; the Task/Map/Parallel closing event; the retry's or catch's failure), so no second clock read
    /// is needed and the stamps stay in order. A Wait state reads the clock again (it waited since its entered event).
    /// The durable host's clock is the episode's time, the same for every event of an episode, so its Pass states
    /// showed zero duration before as well.
    /// </summary>
    public long RecordExited(string type, string name, ReadOnlyMemory<byte> payload, bool readClock, AssignedVariable[]? assigned)
    {
        if (readClock)
        {
            lastStamp = Run.Host.UtcNow;
        }

        LastEventId = Run.History.RecordState(type, LastEventId, name, payload, exited: true, lastStamp, assigned);
        return LastEventId;
    }

    /// <summary>Records a state entered event stamped <paramref name="timestamp"/> (the clock read that also stamps the state's entered time).</summary>
    public long RecordEntered(string type, string name, ReadOnlyMemory<byte> payload, DateTimeOffset timestamp)
    {
        lastStamp = timestamp;
        LastEventId = Run.History.RecordState(type, LastEventId, name, payload, exited: false, timestamp);
        return LastEventId;
    }

    private sealed record RedriveExpectation(string State, System.Text.Json.Nodes.JsonObject Children);
}
