namespace AslOnDurable.Cli.Graph;

/// <summary>
/// A simple layered layout of a <see cref="StateGraph"/> for <c>asl graph --format svg</c> (the console uses dagre in the
/// browser). Each scope (the machine, a branch, an item processor) is laid out on its own: its items (states, or a whole
/// Parallel/Map block) are ranked by longest path from its start with back edges (loops) set aside, rows are centred;
/// a Parallel/Map block stacks its state node, its branches side by side and its join node. Edges go from the bottom of
/// their source to the top of their target; edges going back up run along the right side.
/// </summary>
internal sealed class LayeredLayout
{
    private const double Gap = 40;
    private const double SideGap = 24;
    private const double Padding = 12;
    private const double LabelHeight = 18;

    private readonly StateGraph graph;
    private readonly Dictionary<string, GraphNode> nodes;
    private readonly Dictionary<string, Size> blockSizes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Size> scopeSizes = new(StringComparer.Ordinal);

    private LayeredLayout(StateGraph graph)
    {
        this.graph = graph;
        nodes = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
    }

    /// <summary>Gets the node boxes (top-left corner and size) by node id.</summary>
    public Dictionary<string, Box> NodeBoxes { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the group boxes by group id.</summary>
    public Dictionary<string, Box> GroupBoxes { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the routed edges, in the graph's edge order.</summary>
    public List<EdgeRoute> Edges { get; } = [];

    /// <summary>Gets the drawing's width.</summary>
    public double Width { get; private set; }

    /// <summary>Gets the drawing's height.</summary>
    public double Height { get; private set; }

    /// <summary>Lays a graph out.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The layout.</returns>
    public static LayeredLayout Compute(StateGraph graph)
    {
        LayeredLayout layout = new(graph);
        Size size = layout.MeasureScope(null);
        layout.PlaceScope(null, Padding, Padding);
        layout.RouteEdges();
        double right = layout.Edges.SelectMany(e => e.Points).Select(p => p.X).DefaultIfEmpty(0).Max();
        layout.Width = Math.Max(size.Width, right) + (2 * Padding);
        layout.Height = size.Height + (2 * Padding);
        return layout;
    }

    /// <summary>The size of a node as drawn.</summary>
    /// <param name="node">The node.</param>
    /// <returns>Its size.</returns>
    public static Size NodeSize(GraphNode node) => node.Kind switch
    {
        GraphNodeKind.Terminal => new Size(64, 28),
        GraphNodeKind.Join => new Size(24, 14),
        _ => new Size(Math.Clamp((Math.Max(node.Name.Length, node.Type.Length + 2) * 7.2) + 28, 96, 260), 44),
    };

    // Items of a scope: a node of the scope, or the outer group of a Parallel/Map whose state is in the scope.
    private List<string> ItemsOf(string? scope) =>
        [.. graph.Nodes.Where(n => n.Group == scope).Select(n => n.Id)
            .Concat(graph.Groups.Where(g => g.Parent == scope && IsBlock(g.Id)).Select(g => g.Id))
            .OrderBy(FirstIndex)];

    private bool IsBlock(string groupId) => graph.Nodes.Any(n => n.Kind == GraphNodeKind.State && n.Group == groupId);

    private int FirstIndex(string item) => nodes.TryGetValue(item, out GraphNode? node)
        ? graph.Nodes.IndexOf(node)
        : graph.Nodes.IndexOf(graph.Nodes.First(n => n.Kind == GraphNodeKind.State && n.Group == item));

    // The item of `scope` that contains a node (the node itself, or the block around it), or null when outside.
    private string? ItemFor(string nodeId, string? scope)
    {
        string? current = nodeId;
        string? group = nodes[nodeId].Group;
        while (true)
        {
            if (group == scope)
            {
                return current;
            }

            if (group is null)
            {
                return null;
            }

            GraphGroup g = graph.Groups.First(x => x.Id == group);
            if (IsBlock(g.Id))
            {
                current = g.Id;
            }

            group = g.Parent;
        }
    }

    private Size MeasureItem(string item) => nodes.TryGetValue(item, out GraphNode? node) ? NodeSize(node) : MeasureBlock(item);

    private Size MeasureBlock(string blockId)
    {
        GraphNode state = graph.Nodes.First(n => n.Kind == GraphNodeKind.State && n.Group == blockId);
        GraphNode join = graph.Nodes.First(n => n.Kind == GraphNodeKind.Join && n.Group == blockId);
        double branchesWidth = 0;
        double branchesHeight = 0;
        foreach (GraphGroup branch in graph.Groups.Where(g => g.Parent == blockId))
        {
            Size inner = MeasureScope(branch.Id);
            Size framed = new(inner.Width + (2 * Padding), inner.Height + LabelHeight + (2 * Padding));
            blockSizes[branch.Id] = framed;
            branchesWidth += framed.Width + (branchesWidth > 0 ? SideGap : 0);
            branchesHeight = Math.Max(branchesHeight, framed.Height);
        }

        double width = Math.Max(NodeSize(state).Width, branchesWidth) + (2 * Padding);
        double height = LabelHeight + Padding + NodeSize(state).Height + Gap + branchesHeight + Gap + NodeSize(join).Height + Padding;
        Size size = new(width, height);
        blockSizes[blockId] = size;
        return size;
    }

    private Size MeasureScope(string? scope)
    {
        List<List<string>> rows = Rows(scope);
        double width = 0;
        double height = 0;
        foreach (List<string> row in rows)
        {
            List<Size> sizes = [.. row.Select(MeasureItem)];
            width = Math.Max(width, sizes.Sum(s => s.Width) + (SideGap * (sizes.Count - 1)));
            height += sizes.Max(s => s.Height) + (height > 0 ? Gap : 0);
        }

        Size size = new(width, height);
        scopeSizes[scope ?? ""] = size;
        return size;
    }

    // Longest-path ranks over the scope's items, loops set aside by a depth-first search from the first item.
    private List<List<string>> Rows(string? scope)
    {
        List<string> items = ItemsOf(scope);
        Dictionary<string, List<string>> successors = items.ToDictionary(i => i, _ => new List<string>(), StringComparer.Ordinal);
        foreach (GraphEdge edge in graph.Edges)
        {
            string? from = ItemFor(edge.From, scope);
            string? to = ItemFor(edge.To, scope);
            if (from is not null && to is not null && from != to && !successors[from].Contains(to))
            {
                successors[from].Add(to);
            }
        }

        HashSet<(string, string)> back = [];
        Dictionary<string, int> state = new(StringComparer.Ordinal);
        void Visit(string item)
        {
            state[item] = 1;
            foreach (string next in successors[item])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    back.Add((item, next));
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            state[item] = 2;
        }

        foreach (string item in items)
        {
            if (state.GetValueOrDefault(item) == 0)
            {
                Visit(item);
            }
        }

        Dictionary<string, int> rank = items.ToDictionary(i => i, _ => 0, StringComparer.Ordinal);
        Dictionary<string, int> incoming = items.ToDictionary(i => i, _ => 0, StringComparer.Ordinal);
        foreach (var (from, list) in successors)
        {
            foreach (string to in list.Where(to => !back.Contains((from, to))))
            {
                incoming[to]++;
            }
        }

        Queue<string> ready = new(items.Where(i => incoming[i] == 0));
        while (ready.TryDequeue(out string? item))
        {
            foreach (string to in successors[item].Where(to => !back.Contains((item, to))))
            {
                rank[to] = Math.Max(rank[to], rank[item] + 1);
                if (--incoming[to] == 0)
                {
                    ready.Enqueue(to);
                }
            }
        }

        return [.. items.GroupBy(i => rank[i]).OrderBy(g => g.Key).Select(g => g.ToList())];
    }

    private void PlaceScope(string? scope, double left, double top)
    {
        double width = scopeSizes[scope ?? ""].Width;
        double y = top;
        foreach (List<string> row in Rows(scope))
        {
            List<Size> sizes = [.. row.Select(i => nodes.TryGetValue(i, out GraphNode? n) ? NodeSize(n) : blockSizes[i])];
            double rowWidth = sizes.Sum(s => s.Width) + (SideGap * (sizes.Count - 1));
            double rowHeight = sizes.Max(s => s.Height);
            double x = left + ((width - rowWidth) / 2);
            for (int i = 0; i < row.Count; i++)
            {
                double itemTop = y + ((rowHeight - sizes[i].Height) / 2);
                if (nodes.ContainsKey(row[i]))
                {
                    NodeBoxes[row[i]] = new Box(x, itemTop, sizes[i].Width, sizes[i].Height);
                }
                else
                {
                    PlaceBlock(row[i], x, itemTop);
                }

                x += sizes[i].Width + SideGap;
            }

            y += rowHeight + Gap;
        }
    }

    private void PlaceBlock(string blockId, double left, double top)
    {
        Size size = blockSizes[blockId];
        GroupBoxes[blockId] = new Box(left, top, size.Width, size.Height);
        GraphNode state = graph.Nodes.First(n => n.Kind == GraphNodeKind.State && n.Group == blockId);
        GraphNode join = graph.Nodes.First(n => n.Kind == GraphNodeKind.Join && n.Group == blockId);
        Size stateSize = NodeSize(state);
        double y = top + LabelHeight + Padding;
        NodeBoxes[state.Id] = new Box(left + ((size.Width - stateSize.Width) / 2), y, stateSize.Width, stateSize.Height);
        y += stateSize.Height + Gap;
        List<GraphGroup> branches = [.. graph.Groups.Where(g => g.Parent == blockId)];
        double branchesWidth = branches.Sum(b => blockSizes[b.Id].Width) + (SideGap * (branches.Count - 1));
        double branchesHeight = branches.Select(b => blockSizes[b.Id].Height).DefaultIfEmpty(0).Max();
        double x = left + ((size.Width - branchesWidth) / 2);
        foreach (GraphGroup branch in branches)
        {
            Size framed = blockSizes[branch.Id];
            GroupBoxes[branch.Id] = new Box(x, y, framed.Width, framed.Height);
            PlaceScope(branch.Id, x + Padding, y + LabelHeight + Padding);
            x += framed.Width + SideGap;
        }

        y += branchesHeight + Gap;
        Size joinSize = NodeSize(join);
        NodeBoxes[join.Id] = new Box(left + ((size.Width - joinSize.Width) / 2), y, joinSize.Width, joinSize.Height);
    }

    private void RouteEdges()
    {
        double right = NodeBoxes.Values.Concat(GroupBoxes.Values).Max(b => b.Right);
        int loops = 0;
        Dictionary<string, int> outgoing = graph.Edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Dictionary<string, int> used = new(StringComparer.Ordinal);
        foreach (GraphEdge edge in graph.Edges)
        {
            Box from = NodeBoxes[edge.From];
            Box to = NodeBoxes[edge.To];
            int index = used[edge.From] = used.GetValueOrDefault(edge.From) + 1;
            double startX = from.X + (from.Width * index / (outgoing[edge.From] + 1));
            List<Point> points;
            if (to.Y > from.Bottom)
            {
                double bend = Math.Max(from.Bottom + 6, to.Y - (Gap / 2));
                points = [new(startX, from.Bottom), new(startX, bend), new(to.CenterX, bend), new(to.CenterX, to.Y)];
            }
            else
            {
                double lane = right + 16 + (loops++ * 10);
                points = [new(from.Right, from.CenterY), new(lane, from.CenterY), new(lane, to.CenterY), new(to.Right, to.CenterY)];
            }

            Edges.Add(new EdgeRoute(edge, points));
        }
    }

    /// <summary>A width and a height.</summary>
    /// <param name="Width">The width.</param>
    /// <param name="Height">The height.</param>
    internal readonly record struct Size(double Width, double Height);

    /// <summary>A point.</summary>
    /// <param name="X">The x coordinate.</param>
    /// <param name="Y">The y coordinate.</param>
    internal readonly record struct Point(double X, double Y);

    /// <summary>A rectangle: its top-left corner and its size.</summary>
    /// <param name="X">The left edge.</param>
    /// <param name="Y">The top edge.</param>
    /// <param name="Width">The width.</param>
    /// <param name="Height">The height.</param>
    internal readonly record struct Box(double X, double Y, double Width, double Height)
    {
        /// <summary>Gets the right edge.</summary>
        public double Right => X + Width;

        /// <summary>Gets the bottom edge.</summary>
        public double Bottom => Y + Height;

        /// <summary>Gets the horizontal centre.</summary>
        public double CenterX => X + (Width / 2);

        /// <summary>Gets the vertical centre.</summary>
        public double CenterY => Y + (Height / 2);
    }

    /// <summary>An edge and the polyline it is drawn along.</summary>
    /// <param name="Edge">The edge.</param>
    /// <param name="Points">The points, source first.</param>
    internal sealed record EdgeRoute(GraphEdge Edge, List<Point> Points);
}
