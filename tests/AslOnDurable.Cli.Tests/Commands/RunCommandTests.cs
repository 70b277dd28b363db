using System.Text.Json.Nodes;
using AslOnDurable.Testing;

namespace AslOnDurable.Cli.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private const string PassDefinition = """{"StartAt":"A","States":{"A":{"Type":"Pass","Result":"done","ResultPath":"$.r","End":true}}}""";
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Run_JsonFormat_PrintsOneObjectWithStatusAndOutput()
    {
        var definition = files.Write("def.json", PassDefinition);

        var (code, stdout, stderr) = CliRun.Invoke("run", definition, "--input", """{"x":1}""", "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        JsonAssert.Equal("""{"status":"SUCCEEDED","output":{"x":1,"r":"done"}}""", JsonNode.Parse(stdout));
    }

    [Fact]
    public void Run_JsonFormat_PrintsTextAsItIsNotAsEscapes()
    {
        var definition = files.Write("def.json", """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","Cause":"it's <café> & \"more\""}}}""");

        var (code, stdout, _) = CliRun.Invoke("run", definition, "--format", "json");

        Assert.Equal(0, code);
        Assert.Contains("it's <café> & \\\"more\\\"", stdout, StringComparison.Ordinal); // only the quotes escaped
        Assert.Equal("it's <café> & \"more\"", JsonNode.Parse(stdout)!["cause"]!.GetValue<string>());
    }

    [Fact]
    public void Run_InputFromFile_ReadsAtFile()
    {
        var definition = files.Write("def.json", PassDefinition);
        var input = files.Write("input.json", """{"fromFile":true}""");

        var (code, stdout, _) = CliRun.Invoke("run", definition, "--input", "@" + input, "--format", "json");

        Assert.Equal(0, code);
        Assert.True(JsonNode.Parse(stdout)!["output"]!["fromFile"]!.GetValue<bool>());
    }

    [Fact]
    public void Run_ExecutionFails_ExitsZeroWithErrorAndCause()
    {
        var definition = files.Write("def.json", """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","Cause":"C"}}}""");

        var (code, stdout, _) = CliRun.Invoke("run", definition, "--format", "json");

        Assert.Equal(0, code);
        JsonAssert.Equal("""{"status":"FAILED","error":"E","cause":"C"}""", JsonNode.Parse(stdout));
    }

    [Fact]
    public void Run_LongWait_DoesNotSleep()
    {
        var definition = files.Write("def.json", """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":86400,"End":true}}}""");

        var (code, stdout, _) = CliRun.Invoke("run", definition, "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal("SUCCEEDED", JsonNode.Parse(stdout)!["status"]!.GetValue<string>());
    }

    [Fact]
    public void Run_MockConfig_AnswersTaskFromTestCase()
    {
        var definition = files.Write("def.json", """
            {"StartAt":"Invoke","States":{"Invoke":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":30}],"ResultSelector":{"p.$":"$.Payload"},"End":true}}}
            """);
        var mock = files.Write("mock.json", """
            {"StateMachines":{"Any":{"TestCases":{"Happy":{"Invoke":"R"}}}},
             "MockedResponses":{"R":{"0":{"Throw":{"Error":"Boom","Cause":"x"}},"1":{"Return":{"Payload":42}}}}}
            """);

        var (code, stdout, stderr) = CliRun.Invoke("run", definition, "--format", "json", "--mock-config", mock, "--test-case", "Happy");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        JsonAssert.Equal("""{"status":"SUCCEEDED","output":{"p":42}}""", JsonNode.Parse(stdout));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_StateMachineOption_TaskStartsRegisteredChild(bool express)
    {
        var name = $"child-{Guid.NewGuid():N}";
        string[] args =
        [
            "run", DefinitionFiles.PathOf("nested", "parent"), "--format", "json",
            "--state-machine", "Child=" + DefinitionFiles.PathOf("nested", "child-echo"),
            "--input", $$"""{"arn":"arn:aws:states:us-east-1:123456789012:stateMachine:Child","input":{"a":1},"name":"{{name}}"}""",
        ];

        var (code, stdout, stderr) = CliRun.Invoke(express ? [.. args, "--express"] : args);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var child = JsonNode.Parse(stdout)!["output"]!["child"]!;
        Assert.Equal("SUCCEEDED", child["Status"]!.GetValue<string>());
        Assert.Equal($"arn:aws:states:us-east-1:123456789012:execution:Child:{name}", child["Output"]!["executionId"]!.GetValue<string>());
    }

    [Fact]
    public void Run_StateMachineOptionWithoutPath_IsUsageError()
    {
        var definition = files.Write("def.json", PassDefinition);

        var (code, _, stderr) = CliRun.Invoke("run", definition, "--state-machine", "Child");

        Assert.NotEqual(0, code);
        Assert.Contains("NAME=path", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HumanFormat_ShowsStatesAndResult()
    {
        var definition = files.Write("def.json", PassDefinition);

        var (code, stdout, _) = CliRun.Invoke("run", definition, "--format", "human");

        Assert.Equal(0, code);
        Assert.Contains("PassStateEntered", stdout, StringComparison.Ordinal);
        Assert.Contains("PassStateExited", stdout, StringComparison.Ordinal);
        Assert.Contains("SUCCEEDED", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "100")]
    [InlineData("@/no/such/file.json", "100")]
    [InlineData("""{"long":"abcdefghij"}""", "5")]
    public void Run_BadInput_OneLineErrorAndNonZeroExit(string input, string maxPayloadBytes)
    {
        var definition = files.Write("def.json", PassDefinition);

        var (code, stdout, stderr) = CliRun.Invoke("run", definition, "--input", input, "--max-payload-bytes", maxPayloadBytes);

        Assert.NotEqual(0, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DefinitionFileMissing_ReportsUnreadableFile()
    {
        var (code, _, stderr) = CliRun.Invoke("run", files.PathOf("missing.json"));

        Assert.Equal(2, code);
        Assert.Contains("cannot read definition file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidDefinition_PrintsDiagnostics()
    {
        var definition = files.Write("def.json", """{"StartAt":"Nowhere","States":{"A":{"Type":"Pass","End":true}}}""");

        var (code, _, stderr) = CliRun.Invoke("run", definition);

        Assert.Equal(2, code);
        Assert.Contains("is invalid", stderr, StringComparison.Ordinal);
    }
}
