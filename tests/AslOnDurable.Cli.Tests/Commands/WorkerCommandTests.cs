namespace AslOnDurable.Cli.Tests.Commands;

/// <summary>Argument handling of <c>asl worker</c> (running workers: Runtime.Tests' ScaleOutTests, trait Azurite).</summary>
public sealed class WorkerCommandTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Worker_NoStorage_FailsWithoutStarting()
    {
        var (code, _, stderr) = CliRun.Invoke("worker");

        Assert.NotEqual(0, code);
        Assert.Contains("--storage", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--failover-seconds", "0")]
    [InlineData("--handover-grace-seconds", "-1")]
    [InlineData("--handover-settle-seconds", "51")]
    [InlineData("--test-case", "Default")]
    public void Worker_InvalidOption_ExitsUsageError(string option, string value)
    {
        var (code, stdout, stderr) = CliRun.Invoke("worker", "--storage", "UseDevelopmentStorage=true", option, value);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Fact]
    public void Worker_MockConfigWithoutTestCase_ExitsUsageError()
    {
        var mock = files.Write("mock.json", """{"StateMachines":{},"MockedResponses":{}}""");

        var (code, _, stderr) = CliRun.Invoke("worker", "--storage", "UseDevelopmentStorage=true", "--mock-config", mock);

        Assert.Equal(2, code);
        Assert.Contains("--test-case", stderr, StringComparison.Ordinal);
    }
}
