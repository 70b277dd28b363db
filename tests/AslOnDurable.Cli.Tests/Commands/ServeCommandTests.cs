using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Cli.Commands;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Integrations;

namespace AslOnDurable.Cli.Tests.Commands;

/// <summary>
/// <c>asl serve</c>: argument handling, and the API over HTTP in process (real clients and SIGTERM: .ci/api-clients.py).
/// </summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("--host", "10.1.2.3", "loopback")]
    [InlineData("--host", "0.0.0.0", "loopback")]
    [InlineData("--host", "not-an-address", "--host")]
    [InlineData("--port", "70000", "--port")]
    [InlineData("--account", "12", "--account")]
    [InlineData("--region", "Mars", "--region")]
    [InlineData("--items-folder", "/no/such/asl-items-folder", "items folder")]
    [InlineData("--failover-seconds", "10", "--storage")]
    [InlineData("--handover-grace-seconds", "5", "--storage")]
    [InlineData("--handover-settle-seconds", "5", "--storage")]
    public void Serve_InvalidOption_ExitsUsageErrorWithoutServing(string option, string value, string mentioned)
    {
        var (code, stdout, stderr) = CliRun.Invoke("serve", option, value);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains(mentioned, stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Serve_FailoverSecondsNotPositive_ExitsUsageError(string seconds)
    {
        var (code, stdout, stderr) = CliRun.Invoke("serve", "--storage", "UseDevelopmentStorage=true", "--failover-seconds", seconds);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--failover-seconds must be positive", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Theory]
    [InlineData("--handover-grace-seconds", "-1", "must not be negative")]
    [InlineData("--handover-settle-seconds", "-3", "must not be negative")]
    [InlineData("--handover-grace-seconds", "46", "add up to 50 at most")]
    [InlineData("--handover-settle-seconds", "41", "add up to 50 at most")]
    public void Serve_HandOverSecondsOutOfRange_ExitsUsageError(string option, string seconds, string message)
    {
        var (code, stdout, stderr) = CliRun.Invoke("serve", "--storage", "UseDevelopmentStorage=true", option, seconds);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Fact]
    public void HandOverOptions_GivenOrLeftOut_SetTheHostsTimingsOrKeepTheDefaults()
    {
        using var stderr = new StringWriter();

        SelfHostOptions both = CliInputs.WithHandOver(new SelfHostOptions(), 30, 20, stderr)!;
        SelfHostOptions graceOnly = CliInputs.WithHandOver(new SelfHostOptions(), 0, null, stderr)!;
        SelfHostOptions none = CliInputs.WithHandOver(new SelfHostOptions(), null, null, stderr)!;

        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20)), (both.HandOverGrace, both.HandOverSettle));
        Assert.Equal((TimeSpan.Zero, TimeSpan.FromSeconds(5)), (graceOnly.HandOverGrace, graceOnly.HandOverSettle));
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)), (none.HandOverGrace, none.HandOverSettle));
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public async Task Serve_Loopback_AnswersAwsJsonAndStopsWhenCancelled()
    {
        using var cancel = new CancellationTokenSource();
        var stdout = new ReadyWriter();
        using var stderr = new StringWriter();
        Task<int> serving = ServeCommand.RunAsync(
            new IPEndPoint(IPAddress.Loopback, 0), new SelfHostOptions(), new ApiOptions { Region = "eu-west-1", AccountId = "111122223333" },
            stdout, stderr, cancel.Token);
        string url = await stdout.Ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        using HttpResponseMessage created = await PostAsync(http, "CreateStateMachine",
            """{"name":"hello","definition":"{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}","roleArn":"arn:aws:iam::111122223333:role/r"}""");
        using HttpResponseMessage unknown = await PostAsync(http, "Frobnicate", "{}");
        using HttpResponseMessage get = await http.GetAsync(new Uri("/", UriKind.Relative));
        using HttpResponseMessage script = await http.GetAsync(new Uri("/console.js", UriKind.Relative));
        using HttpResponseMessage missing = await http.GetAsync(new Uri("/nothing.js", UriKind.Relative));
        await cancel.CancelAsync();
        int code = await serving.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("application/x-amz-json-1.0", created.Content.Headers.ContentType?.MediaType);
        JsonNode body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.Equal("arn:aws:states:eu-west-1:111122223333:stateMachine:hello", (string?)body["stateMachineArn"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("UnknownOperation", (string?)JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["__type"]);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode); // the web console
        Assert.Equal("text/html", get.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", string.Join(' ', get.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(string.Empty, stderr.ToString());
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_InvalidIntegrationsFile_ExitsUsageErrorNamingEveryProblem()
    {
        using var files = new TempFiles();
        string integrations = files.Write("integrations.json", """{"connections": {"api": {"authorization": {"type": "TELEPATHY"}}}}""");

        var (code, stdout, stderr) = CliRun.Invoke("serve", "--integrations", integrations);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.StartsWith($"error: the integrations configuration '{integrations}' is invalid:", stderr, StringComparison.Ordinal);
        Assert.Contains("TELEPATHY", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task Serve_WithIntegrations_CreateStateMachineWarnsOnStderrAboutUnservedResources()
    {
        using var cancel = new CancellationTokenSource();
        var stdout = new ReadyWriter();
        using var stderr = new StringWriter();
        IntegrationsConfiguration configuration = new IntegrationsConfigurationReader(_ => null).Read("""{"connections": {"items-api": {"authorization": {"type": "NONE"}}}}""");
        Task<int> serving = ServeCommand.RunAsync(
            new IPEndPoint(IPAddress.Loopback, 0), new SelfHostOptions(), new ApiOptions(), stdout, stderr, cancel.Token,
            tasks: services => services.AddAslIntegrations(configuration));
        string url = await stdout.Ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        using HttpResponseMessage created = await PostAsync(http, "CreateStateMachine",
            """{"name":"glue","definition":"{\"StartAt\":\"G\",\"States\":{\"G\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::glue:startJobRun\",\"End\":true}}}","roleArn":"arn:aws:iam::123456789012:role/r"}""");
        await cancel.CancelAsync();
        int code = await serving.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith(
            "warning: State machine arn:aws:states:us-east-1:123456789012:stateMachine:glue: UNCONFIGURED_RESOURCE at /States/G/Resource: No integration serves the resource 'arn:aws:states:::glue:startJobRun'",
            stderr.ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string action, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions." + action);
        return http.SendAsync(request);
    }

    /// <summary>Captures output and completes <see cref="Ready"/> with the URL of the <c>serving</c> line.</summary>
    private sealed class ReadyWriter : StringWriter
    {
        public TaskCompletionSource<string> Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith("serving ", StringComparison.Ordinal) == true)
            {
                Ready.TrySetResult(value.Split(' ')[1]);
            }
        }
    }
}
