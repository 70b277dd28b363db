using System.Collections.Immutable;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.ErrorHandling;
using AslOnDurable.Core.Model.Map;
using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Cli.Graph;

/// <summary>Builds the <see cref="StateGraph"/> of a parsed (valid) definition.</summary>
internal static class StateGraphBuilder
{
    /// <summary>The graph of a definition.</summary>
    /// <param name="definition">The parsed definition.</param>
    /// <returns>The graph.</returns>
    public static StateGraph Build(StateMachineDefinition definition)
    {
        var nodes = ImmutableArray.CreateBuilder<GraphNode>();
        var edges = ImmutableArray.CreateBuilder<GraphEdge>();
        var groups = ImmutableArray.CreateBuilder<GraphGroup>();
        nodes.Add(new GraphNode("start", "Start", "Start", GraphNodeKind.Terminal, null));
        var (startId, terminals) = AddScope(definition, null, nodes, edges, groups);
        edges.Add(new GraphEdge("start", startId, GraphEdgeKind.Next, ""));
        foreach (string terminal in terminals)
        {
            edges.Add(new GraphEdge(terminal, "end", GraphEdgeKind.Next, ""));
        }

        nodes.Add(new GraphNode("end", "End", "End", GraphNodeKind.Terminal, null));
        return new StateGraph(nodes.ToImmutable(), edges.ToImmutable(), groups.ToImmutable());
    }

    private static (string StartId, List<string> Terminals) AddScope(
        StateMachineDefinition scope, string? group,
        ImmutableArray<GraphNode>.Builder nodes, ImmutableArray<GraphEdge>.Builder edges, ImmutableArray<GraphGroup>.Builder groups)
    {
        List<string> terminals = [];
        foreach (string name in scope.StateNames)
        {
            StateDefinition state = scope.States[name];
            string id = state.Location;
            string? nodeGroup = group;
            string exitId = id;
            if (state is ParallelState or MapState)
            {
                nodeGroup = id + "#group";
                groups.Add(new GraphGroup(nodeGroup, $"{state.Type} {name}", group));
            }

            nodes.Add(new GraphNode(id, name, state.Type, GraphNodeKind.State, nodeGroup));
            if (state is ParallelState parallel)
            {
                exitId = AddNested(id, nodeGroup!, state.Type, [.. parallel.Branches.Select((b, i) => (b, $"Branch {i + 1}"))], nodes, edges, groups);
            }
            else if (state is MapState map)
            {
                string label = map.ProcessorConfig.Mode == MapMode.Distributed ? "Distributed ItemProcessor" : "ItemProcessor";
                exitId = AddNested(id, nodeGroup!, state.Type, [(map.ItemProcessor, label)], nodes, edges, groups);
            }

            string Target(string targetName) => scope.States[targetName].Location;
            switch (state)
            {
                case ChoiceState choice:
                    for (int i = 0; i < choice.Choices.Length; i++)
                    {
                        edges.Add(new GraphEdge(exitId, Target(choice.Choices[i].Next), GraphEdgeKind.Choice, ChoiceRuleLabels.Label(choice.Choices[i], i)));
                    }

                    if (choice.Default is { } defaultName)
                    {
                        edges.Add(new GraphEdge(exitId, Target(defaultName), GraphEdgeKind.Default, "Default"));
                    }

                    break;
                case SucceedState or FailState:
                    terminals.Add(exitId);
                    break;
                default:
                    if (state.End || state.Next is null)
                    {
                        terminals.Add(exitId);
                    }
                    else
                    {
                        edges.Add(new GraphEdge(exitId, Target(state.Next), GraphEdgeKind.Next, ""));
                    }

                    break;
            }

            foreach (Catcher catcher in CatchersOf(state))
            {
                edges.Add(new GraphEdge(exitId, Target(catcher.Next), GraphEdgeKind.Catch, $"Catch {string.Join(", ", catcher.ErrorEquals)}"));
            }
        }

        return (scope.States[scope.StartAt].Location, terminals);
    }

    private static string AddNested(
        string id, string outerGroup, string type, (StateMachineDefinition Scope, string Label)[] scopes,
        ImmutableArray<GraphNode>.Builder nodes, ImmutableArray<GraphEdge>.Builder edges, ImmutableArray<GraphGroup>.Builder groups)
    {
        string joinId = id + "#end";
        foreach (var (scope, label) in scopes)
        {
            string groupId = scope.Location + "#group";
            groups.Add(new GraphGroup(groupId, label, outerGroup));
            var (startId, terminals) = AddScope(scope, groupId, nodes, edges, groups);
            edges.Add(new GraphEdge(id, startId, GraphEdgeKind.Branch, ""));
            foreach (string terminal in terminals)
            {
                edges.Add(new GraphEdge(terminal, joinId, GraphEdgeKind.Branch, ""));
            }
        }

        string name = nodes.First(n => n.Id == id).Name;
        nodes.Add(new GraphNode(joinId, name + " end", type + " end", GraphNodeKind.Join, outerGroup));
        return joinId;
    }

    private static ImmutableArray<Catcher> CatchersOf(StateDefinition state) => state switch
    {
        TaskState task => task.Catch,
        ParallelState parallel => parallel.Catch,
        MapState map => map.Catch,
        _ => [],
    };
}
