using System.Collections.Immutable;

namespace AslOnDurable.Cli.Graph;

/// <summary>
/// The graph of a state machine, as the web console draws it (<c>WebConsole/web/src/graph-model.js</c> builds the same
/// model in the browser): a node per state (its id is the state's JSON Pointer), the Start and End terminals and a join
/// node closing each Parallel and Map; groups for a Parallel's branches and a Map's item processor; edges for Next, Choice
/// rules, Default, Catch and branch entries and exits.
/// </summary>
/// <param name="Nodes">The nodes, in definition order (Start first, End last).</param>
/// <param name="Edges">The edges, in definition order.</param>
/// <param name="Groups">The groups, outer before inner.</param>
internal sealed record StateGraph(ImmutableArray<GraphNode> Nodes, ImmutableArray<GraphEdge> Edges, ImmutableArray<GraphGroup> Groups);

/// <summary>What a node stands for.</summary>
internal enum GraphNodeKind
{
    /// <summary>A state.</summary>
    State,

    /// <summary>The Start or End terminal.</summary>
    Terminal,

    /// <summary>Where a Parallel's branches or a Map's iterations meet again.</summary>
    Join,
}

/// <summary>What an edge stands for.</summary>
internal enum GraphEdgeKind
{
    /// <summary><c>Next</c>, or the way to End.</summary>
    Next,

    /// <summary>A Choice rule (labelled with its condition).</summary>
    Choice,

    /// <summary>A Choice state's <c>Default</c>.</summary>
    Default,

    /// <summary>A <c>Catch</c> (labelled with its errors; drawn dashed).</summary>
    Catch,

    /// <summary>Into a branch or item processor, or out of it to the join node.</summary>
    Branch,
}

/// <summary>A node.</summary>
/// <param name="Id">The state's JSON Pointer; <c>start</c>/<c>end</c>; the state's pointer plus <c>#end</c> for a join.</param>
/// <param name="Name">The state name (or Start/End).</param>
/// <param name="Type">The state type (Task, Choice, …), or Start/End, or "Parallel end"/"Map end".</param>
/// <param name="Kind">What the node stands for.</param>
/// <param name="Group">The group the node is drawn in, if any.</param>
internal sealed record GraphNode(string Id, string Name, string Type, GraphNodeKind Kind, string? Group);

/// <summary>An edge.</summary>
/// <param name="From">The source node id.</param>
/// <param name="To">The target node id.</param>
/// <param name="Kind">What the edge stands for.</param>
/// <param name="Label">The label (empty for none).</param>
internal sealed record GraphEdge(string From, string To, GraphEdgeKind Kind, string Label);

/// <summary>A group: a Parallel or Map state (outer) or one branch / item processor (inner).</summary>
/// <param name="Id">The id.</param>
/// <param name="Label">The label.</param>
/// <param name="Parent">The enclosing group, if any.</param>
internal sealed record GraphGroup(string Id, string Label, string? Parent);
