using System.Text.Json.Nodes;
using AslOnDurable.Testing;

namespace AslOnDurable.Cli.Tests.Commands;

/// <summary>The README's examples run as it says, in both modes, with the outputs their inputs determine.</summary>
public sealed class ExamplesTests
{
    private static readonly Lazy<string> Examples = new(() =>
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AslOnDurable.sln")))
            {
                return Path.Combine(dir.FullName, "examples");
            }
        }

        throw new DirectoryNotFoundException("examples/ not found above " + AppContext.BaseDirectory);
    });

    private static string E(string file) => Path.Combine(Examples.Value, file);

    [Fact]
    public void Schedules_Example_ListsNextInvocationsAsJson()
    {
        string example = E("schedules.json");

        var (code, stdout, stderr) = CliRun.Invoke("schedules", example, "--from", "2027-03-27T12:00:00Z", "--count", "2", "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var nightly = JsonNode.Parse(stdout)!["Schedules"]!.AsArray().Single(s => (string?)s!["Name"] == "nightly-report")!;
        // 02:30 in Berlin does not exist on 2027-03-28 (clocks spring forward): AWS skips it.
        Assert.Equal(["2027-03-29T00:30:00Z", "2027-03-30T00:30:00Z"], nightly["NextInvocations"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("arn:aws:scheduler:us-east-1:123456789012:schedule/default/nightly-report", (string?)nightly["Arn"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HelloWorld_Succeeds(bool express)
    {
        var output = Run(express, "run", E("hello-world.asl.json"), "--input", "@" + E("hello-world.input.json"));

        Assert.Equal("SUCCEEDED", output["status"]!.GetValue<string>());
        Assert.Equal("Hello, World!", output["output"]!["greeting"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RetryCatch_FlakyThenOk_Succeeds(bool express)
    {
        var output = Run(
            express, "run", E("retry-catch.asl.json"), "--input", "@" + E("retry-catch.input.json"),
            "--mock-config", E("retry-catch.mock.json"), "--test-case", "FlakyThenOk");

        Assert.Equal("SUCCEEDED", output["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OrderWorkflow_PricesEachLineInANestedExecution(bool express)
    {
        var output = Run(
            express, "run", E("order-workflow.asl.json"), "--input", "@" + E("order-workflow.input.json"),
            "--state-machine", "order-line=" + E("order-line.asl.json"));

        JsonAssert.Equal(
            """{"status":"SUCCEEDED","output":{"lines":[{"sku":"pen","amount":16.2},{"sku":"pad","amount":8.5}],"total":24.7}}""",
            output);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DistributedMap_ReadsTheCsvAndWritesResultsInTheItemsFolder(bool express)
    {
        using var files = new TempFiles();
        var items = files.PathOf("items");
        Directory.CreateDirectory(Path.Combine(items, "orders", "incoming"));
        File.Copy(E(Path.Combine("items", "orders", "incoming", "orders.csv")), Path.Combine(items, "orders", "incoming", "orders.csv"));

        var output = Run(express, "run", E("distributed-map.asl.json"), "--items-folder", items);

        Assert.Equal("SUCCEEDED", (string?)output["status"]);
        var key = (string)output["output"]!["ResultWriterDetails"]!["Key"]!;
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(items, "results", key)))!;
        var succeeded = (string)manifest["ResultFiles"]!["SUCCEEDED"]![0]!["Key"]!;
        JsonAssert.Equal(
            """[{"order":"1001","total":4.5},{"order":"1002","total":8.5},{"order":"1004","total":15},{"order":"1005","total":6.99}]""",
            JsonNode.Parse(File.ReadAllText(Path.Combine(items, "results", succeeded))));
    }

    [Fact]
    public void DistributedMap_MissingItemsFolder_IsAUsageError()
    {
        var (code, _, stderr) = CliRun.Invoke("run", E("distributed-map.asl.json"), "--items-folder", "no-such-folder-" + Guid.NewGuid().ToString("N"));

        Assert.NotEqual(0, code);
        Assert.Contains("items folder", stderr, StringComparison.Ordinal);
    }

    private static JsonNode Run(bool express, params string[] args)
    {
        string[] all = [.. args, "--format", "json", .. express ? (string[])["--express"] : []];
        var (code, stdout, stderr) = CliRun.Invoke(all);
        Assert.True(code == 0, stderr);
        return JsonNode.Parse(stdout)!;
    }
}
