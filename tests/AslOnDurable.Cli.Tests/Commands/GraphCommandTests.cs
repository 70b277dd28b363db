using AslOnDurable.Testing;

namespace AslOnDurable.Cli.Tests.Commands;

public sealed class GraphCommandTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Graph_DefaultFormat_PrintsAStandaloneSvg()
    {
        var (code, stdout, stderr) = CliRun.Invoke("graph", DefinitionFiles.PathOf("console", "orders"));

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", stdout, StringComparison.Ordinal);
        Assert.Contains("data-name=\"PriceItems\" data-type=\"Map\"", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dot", "digraph StateMachine {")]
    [InlineData("mermaid", "flowchart TD")]
    public void Graph_Format_PrintsThatFormat(string format, string start)
    {
        var (code, stdout, _) = CliRun.Invoke("graph", DefinitionFiles.PathOf("api", "greet"), "--format", format);

        Assert.Equal(0, code);
        Assert.StartsWith(start, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_Output_WritesTheFile()
    {
        string output = files.Write("graph.svg", "");

        var (code, stdout, _) = CliRun.Invoke("graph", DefinitionFiles.PathOf("api", "greet"), "--output", output);

        Assert.Equal(0, code);
        Assert.Empty(stdout);
        Assert.StartsWith("<svg", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_InvalidDefinition_PrintsDiagnosticsAndExitsTwo()
    {
        string definition = files.Write("bad.json", """{"StartAt":"Nowhere","States":{"A":{"Type":"Pass","End":true}}}""");

        var (code, stdout, stderr) = CliRun.Invoke("graph", definition);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("is not a valid definition", stderr, StringComparison.Ordinal);
        Assert.Contains("/StartAt", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_UnknownFormat_IsAUsageError()
    {
        var (code, _, stderr) = CliRun.Invoke("graph", DefinitionFiles.PathOf("api", "greet"), "--format", "png");

        Assert.Equal(2, code);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_MissingFile_IsAUsageError()
    {
        var (code, _, stderr) = CliRun.Invoke("graph", Path.Combine(Path.GetTempPath(), "no-such-definition.asl.json"));

        Assert.Equal(2, code);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
    }
}
