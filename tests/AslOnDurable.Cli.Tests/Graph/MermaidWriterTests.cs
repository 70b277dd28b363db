using AslOnDurable.Cli.Graph;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Cli.Tests.Graph;

public sealed class MermaidWriterTests
{
    [Fact]
    public void Write_Greet_IsTheExpectedFlowchart()
    {
        StateGraph graph = StateGraphBuilder.Build(DefinitionParser.Parse(DefinitionFiles.Read("api", "greet")).Definition!);

        string mermaid = MermaidWriter.Write(graph);

        Assert.Equal(
            """
            flowchart TD
              asl_start(["Start"]):::terminal
              n1["Build<br/>Pass"]
              n2["Check<br/>Choice"]
              n3["Refuse<br/>Fail"]
              n4["Done<br/>Succeed"]
              asl_end(["End"]):::terminal
              n1 --> n2
              n2 -->|"$.greeting StringEquals #quot;Hello, fail!#quot;"| n3
              n2 -->|"Default"| n4
              asl_start --> n1
              n3 --> asl_end
              n4 --> asl_end
              classDef terminal fill:#15202e,color:#fff,stroke:#15202e
              classDef join fill:#9aa6b5,stroke:#5d6877

            """.ReplaceLineEndings("\n"),
            mermaid);
    }

    [Fact]
    public void Write_NestedGroupsAndCatch_AreSubgraphsAndDottedArrows()
    {
        StateGraph graph = StateGraphBuilder.Build(DefinitionParser.Parse(DefinitionFiles.Read("console", "orders")).Definition!);

        string mermaid = MermaidWriter.Write(graph);

        Assert.Contains("  subgraph g0[\"Parallel Prepare\"]\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    subgraph g1[\"Branch 1\"]\n      n4[\"Reserve<br/>Pass\"]\n    end\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("  n10 -.->|\"Catch States.ALL\"| n11\n", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain(" end -->", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NamesWithMarkup_AreEscaped()
    {
        const string definition = """{"StartAt":"a <b> \"c\" | #d","States":{"a <b> \"c\" | #d":{"Type":"Pass","End":true}}}""";
        StateGraph graph = StateGraphBuilder.Build(DefinitionParser.Parse(definition).Definition!);

        string mermaid = MermaidWriter.Write(graph);

        Assert.Contains("n1[\"a #lt;b#gt; #quot;c#quot; #124; #35;d<br/>Pass\"]", mermaid, StringComparison.Ordinal);
    }
}
