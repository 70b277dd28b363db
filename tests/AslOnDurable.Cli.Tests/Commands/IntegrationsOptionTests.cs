namespace AslOnDurable.Cli.Tests.Commands;

/// <summary>The <c>--integrations FILE</c> option of <c>asl validate</c> and <c>asl run</c>.</summary>
public sealed class IntegrationsOptionTests : IDisposable
{
    private const string HttpDefinition = """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::http:invoke","Parameters":{
          "ApiEndpoint":"https://api.example.com/x","Method":"GET","Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:123456789012:connection/orders/1"}},"Next":"Glue"},
          "Glue":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun","End":true}}}
        """;

    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Validate_WithIntegrations_WarnsAboutUnservedResourceAndUnknownConnection()
    {
        var definition = files.Write("def.json", HttpDefinition);
        var integrations = files.Write("integrations.json", """{"connections": {"billing": {"authorization": {"type": "NONE"}}}}""");

        var (code, stdout, _) = CliRun.Invoke("validate", definition, "--format", "human", "--integrations", integrations);

        Assert.Equal(0, code);
        Assert.Contains("warning UNCONFIGURED_RESOURCE /States/Call/Parameters/Authentication/ConnectionArn: The connection", stdout, StringComparison.Ordinal);
        Assert.Contains("warning UNCONFIGURED_RESOURCE /States/Glue/Resource:", stdout, StringComparison.Ordinal);
        Assert.Contains("valid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithoutIntegrations_NoResourceWarnings()
    {
        var definition = files.Write("def.json", HttpDefinition);

        var (code, stdout, _) = CliRun.Invoke("validate", definition, "--format", "human");

        Assert.Equal(0, code);
        Assert.DoesNotContain("UNCONFIGURED_RESOURCE", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidIntegrations_UsageErrorListingEveryProblem()
    {
        var definition = files.Write("def.json", HttpDefinition);
        var integrations = files.Write("integrations.json", """{"connections": {"a": {"authorization": {"type": "BASIC"}}}, "extra": 1}""");

        var (code, _, stderr) = CliRun.Invoke("run", definition, "--express", "--integrations", integrations);

        Assert.Equal(2, code);
        Assert.Contains("/connections/a/authorization/username", stderr, StringComparison.Ordinal);
        Assert.Contains("/connections/a/authorization/password", stderr, StringComparison.Ordinal);
        Assert.Contains("/extra: unknown section", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingIntegrationsFile_UsageError()
    {
        var definition = files.Write("def.json", HttpDefinition);

        var (code, _, stderr) = CliRun.Invoke("run", definition, "--express", "--integrations", files.PathOf("nope.json"));

        Assert.Equal(2, code);
        Assert.Contains("Cannot read the integrations configuration", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HttpTaskToLoopbackWithoutAllowance_FailsWithSocketError()
    {
        var definition = files.Write("def.json", """
            {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::http:invoke","Parameters":{
              "ApiEndpoint":"http://127.0.0.1:9/x","Method":"GET","Authentication":{"ConnectionArn":"orders"}},"End":true}}}
            """);
        var integrations = files.Write("integrations.json", """{"connections": {"orders": {"authorization": {"type": "API_KEY", "apiKeyName": "k", "apiKeyValue": "v"}}}}""");

        var (code, stdout, _) = CliRun.Invoke("run", definition, "--express", "--integrations", integrations);

        Assert.Equal(0, code);
        Assert.Contains("States.Http.Socket", stdout, StringComparison.Ordinal);
    }
}
