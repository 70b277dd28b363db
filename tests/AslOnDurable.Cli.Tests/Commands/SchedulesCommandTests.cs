namespace AslOnDurable.Cli.Tests.Commands;

public sealed class SchedulesCommandTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Schedules_InvalidFile_OneErrorLinePerProblemAndExitTwo()
    {
        string path = files.Write("bad.json", """{"Schedules":[{"Name":"x","ScheduleExpression":"cron(0 1 * * * *)"}]}""");

        var (code, stdout, stderr) = CliRun.Invoke("schedules", path);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith($"error: {path}: /Schedules/0/", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--count", "0", "--count must be from 1 to 100")]
    [InlineData("--from", "yesterday", "--from 'yesterday' is not a timestamp")]
    public void Schedules_BadOption_ErrorAndExitTwo(string option, string value, string expected)
    {
        string path = files.Write("ok.json", """{"Schedules":[]}""");

        var (code, _, stderr) = CliRun.Invoke("schedules", path, option, value);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }
}
