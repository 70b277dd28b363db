using System.Globalization;
using System.Security;
using System.Text;

namespace AslOnDurable.Cli.Graph;

/// <summary>
/// Writes a <see cref="StateGraph"/> as a standalone SVG (styles inside, no scripts or external references) laid out by
/// <see cref="LayeredLayout"/>, with the console's look: groups as dashed frames, Catch edges dashed red, Default dotted.
/// Each node carries <c>data-name</c> and <c>data-type</c>, each edge <c>data-from</c>, <c>data-to</c> and <c>data-kind</c>.
/// </summary>
internal static class SvgWriter
{
    private const string Style = """
        text { font-family: Helvetica, Arial, sans-serif; font-size: 12px; fill: #1c2430; }
        .group rect { fill: #eef2f7; stroke: #9aa6b5; stroke-dasharray: 4 3; }
        .group-label { fill: #4f5b6b; font-size: 11px; font-weight: bold; }
        .edge path { fill: none; stroke: #5d6877; stroke-width: 1.4; }
        .edge-catch path { stroke: #b3261e; stroke-dasharray: 6 4; }
        .edge-default path { stroke-dasharray: 2 3; }
        .edge-label { font-size: 10.5px; paint-order: stroke; stroke: #ffffff; stroke-width: 4px; }
        .edge-catch .edge-label { fill: #b3261e; }
        .node rect { fill: #ffffff; stroke: #5d6877; stroke-width: 1.5; }
        .node-name { font-weight: bold; }
        .node-type { font-size: 10.5px; fill: #4f5b6b; }
        .node-terminal rect { fill: #15202e; stroke: #15202e; }
        .node-terminal text { fill: #ffffff; font-weight: bold; }
        .node-join rect { fill: #9aa6b5; }
        .type-succeed rect { stroke: #1d6b2f; }
        .type-fail rect { stroke: #b3261e; }
        .type-choice rect { stroke: #6b4fa0; }
        """;

    /// <summary>The SVG text.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The document, ending in a newline.</returns>
    public static string Write(StateGraph graph)
    {
        LayeredLayout layout = LayeredLayout.Compute(graph);
        // Edge labels sit right of their line: widen the drawing so the longest one is not cut off (about 6.2 px a character).
        double width = layout.Edges.Where(r => r.Edge.Label.Length > 0)
            .Select(r => r.Points[^1].X + 16 + (r.Edge.Label.Length * 6.2)).Append(layout.Width).Max();
        StringBuilder svg = new();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(layout.Height)}\" viewBox=\"0 0 {N(width)} {N(layout.Height)}\" role=\"img\" aria-label=\"State machine graph\">\n");
        svg.Append("<style>\n").Append(Style).Append("</style>\n");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
            + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5d6877\"/></marker></defs>\n");
        foreach (GraphGroup group in graph.Groups)
        {
            LayeredLayout.Box box = layout.GroupBoxes[group.Id];
            svg.Append($"<g class=\"group\" data-group=\"{X(group.Id)}\"><rect x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" rx=\"8\"/>"
                + $"<text class=\"group-label\" x=\"{N(box.X + 8)}\" y=\"{N(box.Y + 14)}\">{X(group.Label)}</text></g>\n");
        }

        foreach (LayeredLayout.EdgeRoute route in layout.Edges)
        {
            GraphEdge edge = route.Edge;
            string kind = edge.Kind.ToString().ToLowerInvariant();
            string path = string.Join(' ', route.Points.Select((p, i) => $"{(i == 0 ? 'M' : 'L')}{N(p.X)},{N(p.Y)}"));
            svg.Append($"<g class=\"edge edge-{kind}\" data-from=\"{X(edge.From)}\" data-to=\"{X(edge.To)}\" data-kind=\"{kind}\"><path d=\"{path}\" marker-end=\"url(#arrow)\"/>");
            if (edge.Label.Length > 0)
            {
                // On the last leg, beside the line: labels of edges leaving one state side by side do not collide.
                LayeredLayout.Point a = route.Points[^2];
                LayeredLayout.Point b = route.Points[^1];
                svg.Append($"<text class=\"edge-label\" x=\"{N(((a.X + b.X) / 2) + 4)}\" y=\"{N(((a.Y + b.Y) / 2) + 4)}\">{X(edge.Label)}</text>");
            }

            svg.Append("</g>\n");
        }

        foreach (GraphNode node in graph.Nodes)
        {
            LayeredLayout.Box box = layout.NodeBoxes[node.Id];
            string kind = node.Kind.ToString().ToLowerInvariant();
            string type = new([.. node.Type.ToLowerInvariant().Select(c => char.IsAsciiLetter(c) ? c : '-')]);
            svg.Append($"<g class=\"node node-{kind} type-{type}\" data-node=\"{X(node.Id)}\" data-name=\"{X(node.Name)}\" data-type=\"{X(node.Type)}\">");
            double radius = node.Kind == GraphNodeKind.Terminal ? box.Height / 2 : 6;
            svg.Append($"<rect x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" rx=\"{N(radius)}\"/>");
            switch (node.Kind)
            {
                case GraphNodeKind.Terminal:
                    svg.Append($"<text x=\"{N(box.CenterX)}\" y=\"{N(box.CenterY + 4)}\" text-anchor=\"middle\">{X(node.Name)}</text>");
                    break;
                case GraphNodeKind.Join:
                    svg.Append($"<title>{X(node.Type)}</title>");
                    break;
                default:
                    svg.Append($"<text class=\"node-name\" x=\"{N(box.CenterX)}\" y=\"{N(box.Y + 18)}\" text-anchor=\"middle\">{X(Truncate(node.Name))}</text>");
                    svg.Append($"<text class=\"node-type\" x=\"{N(box.CenterX)}\" y=\"{N(box.Y + 34)}\" text-anchor=\"middle\">{X(node.Type)}</text>");
                    break;
            }

            svg.Append("</g>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Truncate(string text) => text.Length > 34 ? string.Concat(text.AsSpan(0, 33), "…") : text;

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string X(string text) => SecurityElement.Escape(text);
}
