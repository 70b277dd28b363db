namespace AslOnDurable.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Validate_ValidDefinition_ExitsZero()
    {
        var definition = files.Write("def.json", """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""");

        var (code, stdout, _) = CliRun.Invoke("validate", definition, "--format", "human");

        Assert.Equal(0, code);
        Assert.Contains("valid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpTaskWaitForTaskToken_WarnsItIsAnExtensionAwsRefusesAndExitsZero()
    {
        var definition = files.Write("def.json", """
            {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::http:invoke.waitForTaskToken","End":true}}}
            """);

        var (code, stdout, _) = CliRun.Invoke("validate", definition, "--format", "human");

        Assert.Equal(0, code);
        Assert.Contains(
            "warning ASLONDURABLE_EXTENSION /States/Call/Resource: The resource arn:aws:states:::http:invoke.waitForTaskToken is an AslOnDurable extension that AWS Step Functions does not accept",
            stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpTaskSync_ErrorAsAwsRefusesItAndExitsOne()
    {
        var definition = files.Write("def.json", """
            {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::http:invoke.sync","End":true}}}
            """);

        var (code, stdout, _) = CliRun.Invoke("validate", definition, "--format", "human");

        Assert.Equal(1, code);
        Assert.Contains(
            "error SCHEMA_VALIDATION_FAILED /States/Call/Resource: The resource provided arn:aws:states:::http:invoke.sync is not recognized.",
            stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidDefinition_PrintsCodeLocationMessageAndExitsOne()
    {
        var definition = files.Write("def.json", """{"StartAt":"Nowhere","States":{"A":{"Type":"Pass","End":true}}}""");

        var (code, stdout, _) = CliRun.Invoke("validate", definition, "--format", "human");

        Assert.Equal(1, code);
        Assert.Matches(@"error \S+ /\S*: .+", stdout);
    }

    [Fact]
    public void Validate_JsonFormat_ListsDiagnosticsAsData()
    {
        var definition = files.Write("def.json", """{"StartAt":"Nowhere","States":{"A":{"Type":"Pass","End":true}}}""");

        var (code, stdout, _) = CliRun.Invoke("validate", definition, "--format", "json");

        var report = System.Text.Json.Nodes.JsonNode.Parse(stdout)!;
        Assert.Equal(1, code);
        Assert.False(report["valid"]!.GetValue<bool>());
        Assert.NotEmpty(report["diagnostics"]!.AsArray());
        Assert.NotNull(report["diagnostics"]![0]!["code"]);
    }

    [Fact]
    public void Validate_NotJson_ReportsDiagnostic()
    {
        var definition = files.Write("def.json", "{ nope");

        var (code, _, _) = CliRun.Invoke("validate", definition);

        Assert.Equal(1, code);
    }
}
