using System.Text;

namespace AslOnDurable.Cli.Graph;

/// <summary>
/// Writes a <see cref="StateGraph"/> as a Mermaid flowchart (renders in GitHub and Azure DevOps Markdown): groups as nested
/// subgraphs, Catch edges dotted (<c>-.-&gt;</c>), labels quoted with Mermaid's entity codes.
/// </summary>
internal static class MermaidWriter
{
    /// <summary>The Mermaid text.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The text, ending in a newline.</returns>
    public static string Write(StateGraph graph)
    {
        Dictionary<string, string> ids = new(StringComparer.Ordinal);
        foreach (GraphNode node in graph.Nodes)
        {
            // "end" is a Mermaid keyword: terminals get ids of their own.
            ids[node.Id] = node.Kind == GraphNodeKind.Terminal ? $"asl_{node.Id}" : $"n{ids.Count}";
        }

        Dictionary<string, string> groupIds = graph.Groups.Select((g, i) => (g.Id, Name: $"g{i}")).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        StringBuilder text = new();
        text.Append("flowchart TD\n");
        WriteScope(graph, null, "  ", ids, groupIds, text);
        foreach (GraphEdge edge in graph.Edges)
        {
            string arrow = edge.Kind == GraphEdgeKind.Catch ? "-.->" : "-->";
            string label = edge.Label.Length > 0 ? $"|{Quote(edge.Label)}|" : "";
            text.Append($"  {ids[edge.From]} {arrow}{label} {ids[edge.To]}\n");
        }

        text.Append("  classDef terminal fill:#15202e,color:#fff,stroke:#15202e\n");
        text.Append("  classDef join fill:#9aa6b5,stroke:#5d6877\n");
        return text.ToString();
    }

    private static void WriteScope(
        StateGraph graph, string? group, string indent, Dictionary<string, string> ids, Dictionary<string, string> groupIds, StringBuilder text)
    {
        foreach (GraphNode node in graph.Nodes.Where(n => n.Group == group))
        {
            string shape = node.Kind switch
            {
                GraphNodeKind.Terminal => $"([{Quote(node.Name)}]):::terminal",
                GraphNodeKind.Join => $"[{Quote(" ")}]:::join",
                _ => $"[\"{Escape(node.Name)}<br/>{Escape(node.Type)}\"]",
            };
            text.Append($"{indent}{ids[node.Id]}{shape}\n");
        }

        foreach (GraphGroup child in graph.Groups.Where(g => g.Parent == group))
        {
            text.Append($"{indent}subgraph {groupIds[child.Id]}[{Quote(child.Label)}]\n");
            WriteScope(graph, child.Id, indent + "  ", ids, groupIds, text);
            text.Append($"{indent}end\n");
        }
    }

    private static string Quote(string value) => "\"" + Escape(value) + "\"";

    private static string Escape(string value) => value
        .Replace("#", "#35;", StringComparison.Ordinal).Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("|", "#124;", StringComparison.Ordinal).Replace("<", "#lt;", StringComparison.Ordinal).Replace(">", "#gt;", StringComparison.Ordinal);
}
