using System.Text.Json.Nodes;

namespace AslOnDurable.Cli.Tests.Commands;

public sealed class JsonataCommandTests
{
    [Fact]
    public void Jsonata_ExpressionWithInput_PrintsResult()
    {
        var (code, stdout, _) = CliRun.Invoke("jsonata", "$sum(items.price)", "--input", """{"items":[{"price":1},{"price":2.5}]}""");

        Assert.Equal(0, code);
        Assert.Equal("3.5", stdout.Trim());
    }

    [Fact]
    public void Jsonata_NoValue_SaysUndefined()
    {
        var (code, stdout, _) = CliRun.Invoke("jsonata", "missing.field", "--input", "{}");

        Assert.Equal(0, code);
        Assert.Equal("(undefined)", stdout.Trim());
    }

    [Fact]
    public void Jsonata_SyntaxError_ReportsCodeAndExitsNonZero()
    {
        var (code, _, stderr) = CliRun.Invoke("jsonata", "(1 +", "--input", "{}");

        Assert.NotEqual(0, code);
        Assert.StartsWith("error: S0", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonata_InputNotJson_ReportsErrorAndExitsTwo()
    {
        var (code, _, stderr) = CliRun.Invoke("jsonata", "a", "--input", "{nope");

        Assert.Equal(2, code);
        Assert.Contains("not valid JSON", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonata_Jsonl_AnswersEachRequestLineWithItsId()
    {
        var requests = """
            {"id":"a","expr":"x + 1","data":{"x":41},"bindings":{}}
            {"id":"b","expr":"nothing","data":{},"bindings":{}}
            {"id":"c","expr":"$eval('1')","bindings":{}}
            """;

        var (code, stdout, _) = CliRun.InvokeWithStdin(requests, "jsonata", "--jsonl", "--step-functions");

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(0, code);
        Assert.Equal(3, lines.Count);
        Assert.Equal(42, lines[0]["result"]!.GetValue<double>());
        Assert.True(lines[1]["undefined"]!.GetValue<bool>());
        Assert.NotNull(lines[2]["error"]);
    }
}
