using AslOnDurable.Cli.Graph;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Cli.Tests.Graph;

public sealed class DotWriterTests
{
    [Fact]
    public void Write_Greet_IsTheExpectedDigraph()
    {
        StateGraph graph = StateGraphBuilder.Build(DefinitionParser.Parse(DefinitionFiles.Read("api", "greet")).Definition!);

        string dot = DotWriter.Write(graph);

        Assert.Equal(
            """
            digraph StateMachine {
              rankdir=TB;
              node [shape=box, style=rounded, fontname="Helvetica"];
              edge [fontname="Helvetica", fontsize=10];
              "start" [label="Start", shape=oval, style=filled, fillcolor="#15202e", fontcolor=white];
              "/States/Build" [label="Build\nPass"];
              "/States/Check" [label="Check\nChoice"];
              "/States/Refuse" [label="Refuse\nFail"];
              "/States/Done" [label="Done\nSucceed"];
              "end" [label="End", shape=oval, style=filled, fillcolor="#15202e", fontcolor=white];
              "/States/Build" -> "/States/Check";
              "/States/Check" -> "/States/Refuse" [label="$.greeting StringEquals \"Hello, fail!\""];
              "/States/Check" -> "/States/Done" [label="Default", style=dotted];
              "start" -> "/States/Build";
              "/States/Refuse" -> "end";
              "/States/Done" -> "end";
            }

            """.ReplaceLineEndings("\n"),
            dot);
    }

    [Fact]
    public void Write_ParallelAndCatch_AreClustersAndDashedEdges()
    {
        StateGraph graph = StateGraphBuilder.Build(DefinitionParser.Parse(DefinitionFiles.Read("console", "orders")).Definition!);

        string dot = DotWriter.Write(graph);

        Assert.Contains("subgraph \"cluster_/States/Prepare#group\" {\n    label=\"Parallel Prepare\";", dot, StringComparison.Ordinal);
        Assert.Contains("    subgraph \"cluster_/States/Prepare/Branches/0#group\" {\n      label=\"Branch 1\";", dot, StringComparison.Ordinal);
        Assert.Contains("\"/States/Notify\" -> \"/States/Done\" [label=\"Catch States.ALL\", style=dashed", dot, StringComparison.Ordinal);
    }
}
