using AslOnDurable.Cli.Graph;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Cli.Tests.Graph;

public sealed class StateGraphBuilderTests
{
    private static StateGraph Orders() => StateGraphBuilder.Build(DefinitionParser.Parse(DefinitionFiles.Read("console", "orders")).Definition!);

    [Fact]
    public void Build_EveryState_IsANodeWithItsTypeAndPointer()
    {
        StateGraph graph = Orders();

        var states = graph.Nodes.Where(n => n.Kind == GraphNodeKind.State).Select(n => $"{n.Id}:{n.Type}").Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "/States/Done:Succeed", "/States/Hold:Wait", "/States/Notify:Task", "/States/Prepare/Branches/0/States/Reserve:Pass",
                "/States/Prepare/Branches/1/States/Quote:Pass", "/States/Prepare:Parallel", "/States/PriceItems/ItemProcessor/States/Price:Pass",
                "/States/PriceItems:Map", "/States/Rejected:Fail", "/States/Validate:Choice",
            ],
            states);
        Assert.Equal("start", graph.Nodes[0].Id);
        Assert.Equal("end", graph.Nodes[^1].Id);
    }

    [Fact]
    public void Build_ChoiceRulesDefaultAndCatch_AreLabelledEdges()
    {
        StateGraph graph = Orders();

        Assert.Contains(new GraphEdge("/States/Validate", "/States/Rejected", GraphEdgeKind.Choice, "$.items IsPresent false"), graph.Edges);
        Assert.Contains(new GraphEdge("/States/Validate", "/States/Prepare", GraphEdgeKind.Choice, "$.express IsPresent true && $.express BooleanEq…"), graph.Edges);
        Assert.Contains(new GraphEdge("/States/Validate", "/States/Hold", GraphEdgeKind.Default, "Default"), graph.Edges);
        Assert.Contains(new GraphEdge("/States/Notify", "/States/Done", GraphEdgeKind.Catch, "Catch States.ALL"), graph.Edges);
        Assert.Contains(new GraphEdge("/States/Notify", "/States/Done", GraphEdgeKind.Next, ""), graph.Edges);
    }

    [Fact]
    public void Build_ParallelAndMap_AreNestedGroupsClosedByAJoinNode()
    {
        StateGraph graph = Orders();

        Assert.Equal(
            [
                new GraphGroup("/States/Prepare#group", "Parallel Prepare", null),
                new GraphGroup("/States/Prepare/Branches/0#group", "Branch 1", "/States/Prepare#group"),
                new GraphGroup("/States/Prepare/Branches/1#group", "Branch 2", "/States/Prepare#group"),
                new GraphGroup("/States/PriceItems#group", "Map PriceItems", null),
                new GraphGroup("/States/PriceItems/ItemProcessor#group", "ItemProcessor", "/States/PriceItems#group"),
            ],
            graph.Groups.ToArray());
        Assert.Contains(new GraphEdge("/States/Prepare", "/States/Prepare/Branches/1/States/Quote", GraphEdgeKind.Branch, ""), graph.Edges);
        Assert.Contains(new GraphEdge("/States/Prepare/Branches/1/States/Quote", "/States/Prepare#end", GraphEdgeKind.Branch, ""), graph.Edges);
        Assert.Contains(new GraphEdge("/States/Prepare#end", "/States/PriceItems", GraphEdgeKind.Next, ""), graph.Edges);
        Assert.Equal("/States/PriceItems/ItemProcessor#group", graph.Nodes.Single(n => n.Name == "Price").Group);
    }

    [Fact]
    public void Build_SucceedFailAndEnd_LeadToTheEndTerminal()
    {
        StateGraph graph = Orders();

        var intoEnd = graph.Edges.Where(e => e.To == "end").Select(e => e.From).Order(StringComparer.Ordinal);
        Assert.Equal(["/States/Done", "/States/Rejected"], intoEnd);
        Assert.Contains(new GraphEdge("start", "/States/Validate", GraphEdgeKind.Next, ""), graph.Edges);
    }

    [Fact]
    public void Build_JsonataCondition_IsTheLabel()
    {
        const string definition = """
            {"QueryLanguage":"JSONata","StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n > 3 %}","Next":"Big"}],"Default":"Small"},
              "Big":{"Type":"Succeed"},"Small":{"Type":"Succeed"}}}
            """;

        StateGraph graph = StateGraphBuilder.Build(DefinitionParser.Parse(definition).Definition!);

        Assert.Contains(new GraphEdge("/States/C", "/States/Big", GraphEdgeKind.Choice, "{% $states.input.n > 3 %}"), graph.Edges);
    }
}
