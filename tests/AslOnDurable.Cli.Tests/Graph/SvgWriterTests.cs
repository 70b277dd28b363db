using System.Globalization;
using System.Xml.Linq;
using AslOnDurable.Cli.Graph;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Cli.Tests.Graph;

public sealed class SvgWriterTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Draw(string definition) =>
        XDocument.Parse(SvgWriter.Write(StateGraphBuilder.Build(DefinitionParser.Parse(definition).Definition!)));

    [Fact]
    public void Write_Orders_DrawsEveryNodeEdgeAndGroup()
    {
        XDocument svg = Draw(DefinitionFiles.Read("console", "orders"));

        var nodes = svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("node ", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(14, nodes.Count); // 10 states, Start, End, 2 joins
        Assert.Contains(nodes, n => (string?)n.Attribute("data-name") == "Validate" && (string?)n.Attribute("data-type") == "Choice");
        var edges = svg.Descendants(Svg + "g").Where(g => g.Attribute("data-kind") is not null).ToList();
        Assert.Equal(17, edges.Count);
        Assert.Single(edges, e => (string?)e.Attribute("data-kind") == "catch" && e.Value == "Catch States.ALL");
        Assert.Equal(5, svg.Descendants(Svg + "g").Count(g => g.Attribute("data-group") is not null));
        Assert.Empty(svg.Descendants(Svg + "script"));
    }

    [Fact]
    public void Write_Orders_NodesDoNotOverlapAndStayInsideTheirGroups()
    {
        XDocument svg = Draw(DefinitionFiles.Read("console", "orders"));

        var boxes = svg.Descendants(Svg + "g").Where(g => g.Attribute("data-node") is not null)
            .Select(g => (Id: (string)g.Attribute("data-node")!, Box: Rect(g.Element(Svg + "rect")!))).ToList();
        for (int i = 0; i < boxes.Count; i++)
        {
            for (int j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(Overlap(boxes[i].Box, boxes[j].Box), $"{boxes[i].Id} overlaps {boxes[j].Id}");
            }
        }

        var groups = svg.Descendants(Svg + "g").Where(g => g.Attribute("data-group") is not null)
            .ToDictionary(g => (string)g.Attribute("data-group")!, g => Rect(g.Element(Svg + "rect")!));
        var price = boxes.Single(b => b.Id == "/States/PriceItems/ItemProcessor/States/Price").Box;
        Assert.True(Inside(price, groups["/States/PriceItems/ItemProcessor#group"]));
        Assert.True(Inside(groups["/States/PriceItems/ItemProcessor#group"], groups["/States/PriceItems#group"]));
        var quote = boxes.Single(b => b.Id == "/States/Prepare/Branches/1/States/Quote").Box;
        Assert.True(Inside(quote, groups["/States/Prepare/Branches/1#group"]));
    }

    [Fact]
    public void Write_Loop_RunsBackAlongTheSide()
    {
        const string definition = """
            {"StartAt":"Work","States":{"Work":{"Type":"Pass","Next":"More?"},
             "More?":{"Type":"Choice","Choices":[{"Variable":"$.again","BooleanEquals":true,"Next":"Work"}],"Default":"Stop"},
             "Stop":{"Type":"Succeed"}}}
            """;

        XDocument svg = Draw(definition);

        var loop = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-to") == "/States/Work" && (string?)g.Attribute("data-kind") == "choice");
        var work = Rect(svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-name") == "Work").Element(Svg + "rect")!);
        var points = ((string)loop.Element(Svg + "path")!.Attribute("d")!).Split(' ').Select(p => double.Parse(p[1..].Split(',')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.True(points.Max() > work.X + work.W, "a loop edge runs right of the nodes");
    }

    [Fact]
    public void Write_NamesWithMarkup_AreEscaped()
    {
        XDocument svg = Draw("""{"StartAt":"<a & b>","States":{"<a & b>":{"Type":"Pass","End":true}}}""");

        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "<a & b>");
    }

    private static (double X, double Y, double W, double H) Rect(XElement rect) => (
        double.Parse((string)rect.Attribute("x")!, CultureInfo.InvariantCulture), double.Parse((string)rect.Attribute("y")!, CultureInfo.InvariantCulture),
        double.Parse((string)rect.Attribute("width")!, CultureInfo.InvariantCulture), double.Parse((string)rect.Attribute("height")!, CultureInfo.InvariantCulture));

    private static bool Overlap((double X, double Y, double W, double H) a, (double X, double Y, double W, double H) b) =>
        a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;

    private static bool Inside((double X, double Y, double W, double H) inner, (double X, double Y, double W, double H) outer) =>
        inner.X >= outer.X && inner.Y >= outer.Y && inner.X + inner.W <= outer.X + outer.W && inner.Y + inner.H <= outer.Y + outer.H;
}
