using System.Text;

namespace AslOnDurable.Cli.Graph;

/// <summary>Writes a <see cref="StateGraph"/> as Graphviz DOT: groups as nested clusters, Catch edges dashed, Default dotted.</summary>
internal static class DotWriter
{
    /// <summary>The DOT text.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The text, ending in a newline.</returns>
    public static string Write(StateGraph graph)
    {
        StringBuilder text = new();
        text.Append("digraph StateMachine {\n");
        text.Append("  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
        WriteScope(graph, null, "  ", text);
        foreach (GraphEdge edge in graph.Edges)
        {
            List<string> attributes = [];
            if (edge.Label.Length > 0)
            {
                attributes.Add($"label={Quote(edge.Label)}");
            }

            if (edge.Kind == GraphEdgeKind.Catch)
            {
                attributes.Add("style=dashed, color=\"#b3261e\", fontcolor=\"#b3261e\"");
            }
            else if (edge.Kind == GraphEdgeKind.Default)
            {
                attributes.Add("style=dotted");
            }

            text.Append($"  {Quote(edge.From)} -> {Quote(edge.To)}{(attributes.Count > 0 ? $" [{string.Join(", ", attributes)}]" : "")};\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static void WriteScope(StateGraph graph, string? group, string indent, StringBuilder text)
    {
        foreach (GraphNode node in graph.Nodes.Where(n => n.Group == group))
        {
            string attributes = node.Kind switch
            {
                GraphNodeKind.Terminal => $"label={Quote(node.Name)}, shape=oval, style=filled, fillcolor=\"#15202e\", fontcolor=white",
                GraphNodeKind.Join => $"label=\"\", shape=box, width=0.3, height=0.15, style=filled, fillcolor=\"#9aa6b5\", tooltip={Quote(node.Type)}",
                _ => $"label={Quote(node.Name + "\n" + node.Type)}",
            };
            text.Append($"{indent}{Quote(node.Id)} [{attributes}];\n");
        }

        foreach (GraphGroup child in graph.Groups.Where(g => g.Parent == group))
        {
            text.Append($"{indent}subgraph {Quote("cluster_" + child.Id)} {{\n{indent}  label={Quote(child.Label)}; style=\"rounded,dashed\";\n");
            WriteScope(graph, child.Id, indent + "  ", text);
            text.Append($"{indent}}}\n");
        }
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
