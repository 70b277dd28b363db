using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.History;

/// <summary>
/// What a redrive keeps of an unfinished Parallel or inline Map state, read from the history: the branches/iterations
/// that succeeded in the state's last attempt (their outputs, which are not run again) and, for those that did not,
/// where each stopped (the state it was in, that state's input and the variables the branch/iteration had assigned), so
/// it continues from its unsuccessful step. The same applies one level down when that step is itself a Parallel or
/// inline Map, and so on.
/// </summary>
/// <remarks>
/// <para>
/// The history is a tree of chains: every event names the event before it in the same frame (top level, branch or
/// iteration) as its previous event id, and a branch's or iteration's first event, its first <c>*StateEntered</c>, names
/// the Parallel's <c>ParallelStateStarted</c> or the iteration's <c>MapIterationStarted</c>. A frame's chain is therefore
/// the events reachable from its first event, except the first events of its own children (a <c>*StateEntered</c> of a
/// state the frame does not own; state names are unique across a state machine).
/// </para>
/// <para>
/// A branch or iteration succeeded when its chain's last state event is the exit of a state that ends it (End, or a
/// Succeed state); its output is that exit's output. The result is a JSON object, <c>{"kept": {"i": output},
/// "resume": {"i": {"state", "input", "variables"?, "children"?}}}</c>; a child in neither reruns from its start. A child
/// whose last state event is the exit of a state that does not end it (stopped between two states) also reruns from its
/// start, as does every child of a Map with a ResultWriter or ItemReader (not this redrive).
/// </para>
/// <para>
/// A redrive's attempt leaves no events for the children it keeps (nor for those it never reached), so when the last
/// attempt is the first attempt of a state a redrive resumed (entered right after <c>ExecutionRedriven</c>, or a child
/// still in the state a redrive resumed it at), the children it did not run stand as they stood in the tree that redrive
/// handed it, read the same way from the events before that <c>ExecutionRedriven</c>. A later attempt (a Retry) ran every
/// child, so it stands alone.
/// </para>
/// </remarks>
internal static class RedriveTrees
{
    /// <summary>The member holding the outputs kept by child index.</summary>
    public const string Kept = "kept";

    /// <summary>The member holding where each unfinished child resumes, by child index.</summary>
    public const string Resume = "resume";

    /// <summary>The state a child resumes at.</summary>
    public const string State = "state";

    /// <summary>That state's input.</summary>
    public const string Input = "input";

    /// <summary>The child's own variables.</summary>
    public const string Variables = "variables";

    /// <summary>The tree for the state the child resumes at, when it is a Parallel or inline Map.</summary>
    public const string Children = "children";

    /// <summary>The tree for a frame's unfinished state, or <see langword="null"/> when it has none worth keeping.</summary>
    /// <param name="state">The unfinished state.</param>
    /// <param name="enteredId">The id of its last <c>*StateEntered</c> event.</param>
    /// <param name="events">The history, in order.</param>
    /// <returns>The tree, or <see langword="null"/>.</returns>
    public static JsonObject? For(StatePlan state, long enteredId, IReadOnlyList<HistoryEvent> events)
    {
        var start = IndexOf(events, enteredId);
        if (start < 0 || ChildPlans(state) is not { } children)
        {
            return null;
        }

        // The state's own events follow its Entered event in its frame; its last attempt starts at the last *StateStarted.
        HashSet<long> chain = [enteredId];
        long? attempt = null;
        var attempts = 0;
        for (var i = start + 1; i < events.Count; i++)
        {
            var e = events[i];
            if (!chain.Contains(e.PreviousEventId) || IsEntered(e))
            {
                continue;
            }

            chain.Add(e.Id);
            if (IsAttempt(e))
            {
                (attempt, attempts) = (e.Id, attempts + 1);
            }
        }

        // Entered right after ExecutionRedriven: the state an earlier redrive resumed, whose first attempt was handed that
        // redrive's tree (its kept children left no events in it), so that tree fills in what this attempt did not run.
        var previous = attempts <= 1 && Redriven(events, events[start].PreviousEventId) is { } redriven
            ? PreviousTree(state, events, redriven)
            : null;
        return attempt is { } root ? Build(state, children, root, chain, events, IndexOf(events, root), previous) : previous;
    }

    /// <summary>The index of the ExecutionRedriven event with id <paramref name="id"/>, or <see langword="null"/>.</summary>
    private static int? Redriven(IReadOnlyList<HistoryEvent> events, long id) =>
        IndexOf(events, id) is >= 0 and var index && events[index].Type == HistoryEventTypes.ExecutionRedriven ? index : null;

    /// <summary>The tree the redrive at <paramref name="redriven"/> started <paramref name="state"/> with: read from the events before it.</summary>
    private static JsonObject? PreviousTree(StatePlan state, IReadOnlyList<HistoryEvent> events, int redriven)
    {
        var before = events.Take(redriven).ToList();
        for (var i = before.Count - 1; i >= 0; i--)
        {
            if (IsEntered(before[i]) && Name(before[i]) == state.Name)
            {
                return For(state, before[i].Id, before);
            }
        }

        return null;
    }

    private static StateMachinePlan[]? ChildPlans(StatePlan state) => state switch
    {
        ParallelStatePlan parallel => parallel.Branches,
        MapStatePlan { ItemReader: null, ResultWriter: null } map => [map.ItemProcessor],
        _ => null,
    };

    /// <summary>
    /// The tree of one attempt (its first event <paramref name="root"/>). <paramref name="previous"/> is the tree a redrive
    /// handed this attempt, if any: a child the attempt did not run (kept, or never started) stands as it stood there.
    /// </summary>
    private static JsonObject? Build(StatePlan state, StateMachinePlan[] plans, long root, HashSet<long> parentChain, IReadOnlyList<HistoryEvent> events, int from, JsonObject? previous)
    {
        var isMap = state is MapStatePlan;
        var iterations = new Dictionary<long, int>(); // MapIterationStarted id → index
        HashSet<string> ran = new(StringComparer.Ordinal);
        JsonObject? kept = null;
        JsonObject? resume = null;
        for (var i = from + 1; i < events.Count; i++)
        {
            var e = events[i];
            if (isMap && e.Type == HistoryEventTypes.MapIterationStarted && parentChain.Contains(e.PreviousEventId)
                && e.Details?["index"]?.GetValue<int>() is { } index)
            {
                iterations[e.Id] = index;
                parentChain.Add(e.Id);
                continue;
            }

            if (!IsEntered(e) || Name(e) is not { } name)
            {
                continue;
            }

            int child;
            StateMachinePlan plan;
            if (isMap)
            {
                if (!iterations.TryGetValue(e.PreviousEventId, out child) || !plans[0].Indexes.ContainsKey(name))
                {
                    continue;
                }

                plan = plans[0];
            }
            else
            {
                if (e.PreviousEventId != root || Array.FindIndex(plans, p => p.Indexes.ContainsKey(name)) is not (>= 0 and var branch))
                {
                    continue;
                }

                (child, plan) = (branch, plans[branch]);
            }

            var key = child.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ran.Add(key);
            switch (Trace(plan, events, i, previous?[Resume]?[key] as JsonObject))
            {
                case { Output: { } output }:
                    (kept ??= [])[key] = JsonNode.Parse(output, documentOptions: JsonLimits.DocumentOptions);
                    break;
                case { Resume: { } entry }:
                    (resume ??= [])[key] = entry;
                    break;
            }
        }

        Inherit(previous?[Kept] as JsonObject, ran, ref kept);
        Inherit(previous?[Resume] as JsonObject, ran, ref resume);
        if (kept is null && resume is null)
        {
            return null;
        }

        var tree = new JsonObject();
        if (kept is not null)
        {
            tree[Kept] = kept;
        }

        if (resume is not null)
        {
            tree[Resume] = resume;
        }

        return tree;
    }

    /// <summary>The children of <paramref name="previous"/> that did not run in this attempt, copied into <paramref name="into"/>.</summary>
    private static void Inherit(JsonObject? previous, HashSet<string> ran, ref JsonObject? into)
    {
        foreach (var (key, value) in previous ?? [])
        {
            if (!ran.Contains(key))
            {
                (into ??= [])[key] = value?.DeepClone();
            }
        }
    }

    /// <summary>
    /// Follows one child's chain from its first event: its output when it ended, else where it resumes.
    /// <paramref name="resumed"/> is where a redrive resumed this child, if it did: when the child is still in that state's
    /// first attempt, the nested tree the redrive handed that attempt fills in what it did not run.
    /// </summary>
    private static (string? Output, JsonObject? Resume) Trace(StateMachinePlan plan, IReadOnlyList<HistoryEvent> events, int first, JsonObject? resumed)
    {
        HashSet<long> chain = [];
        HistoryEvent? last = null; // the chain's last state event
        long? attempt = null; // the last Parallel/Map attempt of the state last entered
        var attempts = 0; // how many attempts that entry made
        var firstEntry = false; // whether the state last entered is the child's first event (where a redrive resumes it)
        JsonObject? variables = null;
        for (var i = first; i < events.Count; i++)
        {
            var e = events[i];
            var entered = IsEntered(e);
            if (i != first && (!chain.Contains(e.PreviousEventId) || (entered && !Owns(plan, e))))
            {
                continue;
            }

            chain.Add(e.Id);
            if (entered)
            {
                (last, attempt, attempts, firstEntry) = (e, null, 0, i == first);
            }
            else if (IsExited(e) && Owns(plan, e))
            {
                last = e;
                Assigned(e, ref variables);
            }
            else if (IsAttempt(e))
            {
                (attempt, attempts) = (e.Id, attempts + 1);
            }
        }

        var details = last?.Details;
        if (last is null || details is null || Name(last) is not { } name)
        {
            return (null, null);
        }

        var state = plan.States[plan.Indexes[name]];
        if (IsExited(last))
        {
            return Ends(state) ? (details["output"]?.GetValue<string>() ?? "null", null) : (null, null);
        }

        var entry = new JsonObject
        {
            [State] = name,
            [Input] = JsonNode.Parse(details["input"]?.GetValue<string>() ?? "null", documentOptions: JsonLimits.DocumentOptions),
        };
        if (variables is not null)
        {
            entry[Variables] = variables;
        }

        var handed = firstEntry && attempts <= 1 && resumed?[State]?.GetValue<string>() == name ? resumed[Children] as JsonObject : null;
        var tree = attempt is { } root && ChildPlans(state) is { } children
            ? Build(state, children, root, chain, events, IndexOf(events, root), handed)
            : handed?.DeepClone().AsObject();
        if (tree is not null)
        {
            entry[Children] = tree;
        }

        return (null, entry);
    }

    private static void Assigned(HistoryEvent e, ref JsonObject? variables)
    {
        if (e.State is { } compact)
        {
            foreach (var (name, text) in compact.AssignedVariables ?? [])
            {
                (variables ??= [])[name] = JsonNode.Parse(text, documentOptions: JsonLimits.DocumentOptions);
            }
        }
        else if (e.Details?["assignedVariables"] is JsonObject assigned)
        {
            foreach (var (name, text) in assigned)
            {
                (variables ??= [])[name] = JsonNode.Parse(text?.GetValue<string>() ?? "null", documentOptions: JsonLimits.DocumentOptions);
            }
        }
    }

    /// <summary>Whether exiting the state ends its frame (End, or a Succeed state; a Fail state never exits).</summary>
    private static bool Ends(StatePlan state) => state.NextIndex < 0 && state is not ChoiceStatePlan and not FailStatePlan;

    private static bool Owns(StateMachinePlan plan, HistoryEvent e) => Name(e) is { } name && plan.Indexes.ContainsKey(name);

    private static string? Name(HistoryEvent e) => e.State?.Name ?? e.Details?["name"]?.GetValue<string>();

    private static bool IsAttempt(HistoryEvent e) => e.Type is HistoryEventTypes.ParallelStateStarted or HistoryEventTypes.MapStateStarted;

    private static bool IsEntered(HistoryEvent e) => e.Type.EndsWith("StateEntered", StringComparison.Ordinal);

    private static bool IsExited(HistoryEvent e) => e.Type.EndsWith("StateExited", StringComparison.Ordinal);

    private static int IndexOf(IReadOnlyList<HistoryEvent> events, long id)
    {
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (events[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
