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
        for (var i = start + 1; i < events.Count; i++)
        {
            var e = events[i];
            if (!chain.Contains(e.PreviousEventId) || IsEntered(e))
            {
                continue;
            }

            chain.Add(e.Id);
            if (e.Type is HistoryEventTypes.ParallelStateStarted or HistoryEventTypes.MapStateStarted)
            {
                attempt = e.Id;
            }
        }

        return attempt is { } root ? Build(state, children, root, chain, events, IndexOf(events, root)) : null;
    }

    private static StateMachinePlan[]? ChildPlans(StatePlan state) => state switch
    {
        ParallelStatePlan parallel => parallel.Branches,
        MapStatePlan { ItemReader: null, ResultWriter: null } map => [map.ItemProcessor],
        _ => null,
    };

    private static JsonObject? Build(StatePlan state, StateMachinePlan[] plans, long root, HashSet<long> parentChain, IReadOnlyList<HistoryEvent> events, int from)
    {
        var isMap = state is MapStatePlan;
        var iterations = new Dictionary<long, int>(); // MapIterationStarted id → index
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
            switch (Trace(plan, events, i))
            {
                case { Output: { } output }:
                    (kept ??= [])[key] = JsonNode.Parse(output, documentOptions: JsonLimits.DocumentOptions);
                    break;
                case { Resume: { } entry }:
                    (resume ??= [])[key] = entry;
                    break;
            }
        }

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

    /// <summary>Follows one child's chain from its first event: its output when it ended, else where it resumes.</summary>
    private static (string? Output, JsonObject? Resume) Trace(StateMachinePlan plan, IReadOnlyList<HistoryEvent> events, int first)
    {
        HashSet<long> chain = [];
        HistoryEvent? last = null; // the chain's last state event
        long? attempt = null; // the last Parallel/Map attempt of the state last entered
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
                (last, attempt) = (e, null);
            }
            else if (IsExited(e) && Owns(plan, e))
            {
                last = e;
                Assigned(e, ref variables);
            }
            else if (e.Type is HistoryEventTypes.ParallelStateStarted or HistoryEventTypes.MapStateStarted)
            {
                attempt = e.Id;
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

        if (attempt is { } root && ChildPlans(state) is { } children
            && Build(state, children, root, chain, events, IndexOf(events, root)) is { } tree)
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
