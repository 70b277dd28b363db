using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Tests.Integrations;
using AslOnDurable.Runtime.Tests.Storage;
using Xunit.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// Two real <c>asl serve --storage</c> processes on one Azurite task hub with default timeouts: the first is stopped with
/// SIGINT (<c>kill -INT</c>, what Ctrl+C sends) while an execution's HTTP task is in flight, and the second, started on
/// the same storage, runs the task again and finishes the execution well before the 5-minute message visibility timeout
/// (the hand-over of <c>HandOverOrchestrationService</c>, here across processes).
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class ServeHandOverProcessTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // The provider's default visibility timeout: a message dequeued by the stopped process reappears only after it.
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(5);

    [AzuriteFact]
    public async Task Sigint_TaskInFlight_NextServeProcessFinishesTheExecutionBeforeTheVisibilityTimeout()
    {
        using CancellationTokenSource guard = new(TimeSpan.FromMinutes(8)); // hang guard only
        using HeldFirstCallServer endpoint = new();
        using TempConfig integrations = new("""{"connections": {"local": {"authorization": {"type": "NONE"}, "allowPrivateNetwork": true}}}""");
        string[] arguments =
        [
            "--port", "0", "--storage", azurite.ConnectionString,
            "--task-hub", "ho" + Guid.NewGuid().ToString("N")[..12], "--integrations", integrations.Path,
        ];
        Stopwatch clock = Stopwatch.StartNew();

        using AslProcess first = AslProcess.StartServe("first", arguments);
        await first.Ready.WaitAsync(guard.Token);
        using HttpClient firstApi = new() { BaseAddress = first.ServingUrl() };
        JsonObject created = await CallAsync(firstApi, "CreateStateMachine", new JsonObject
        {
            ["name"] = "handover", ["roleArn"] = "arn:aws:iam::123456789012:role/R",
            ["definition"] = new JsonObject
            {
                ["StartAt"] = "Call",
                ["States"] = new JsonObject
                {
                    ["Call"] = new JsonObject
                    {
                        ["Type"] = "Task", ["Resource"] = "arn:aws:states:::http:invoke", ["Next"] = "Done",
                        ["Parameters"] = new JsonObject
                        {
                            ["ApiEndpoint"] = endpoint.Url, ["Method"] = "GET",
                            ["Authentication"] = new JsonObject { ["ConnectionArn"] = "arn:aws:events:us-east-1:123456789012:connection/local/0" },
                        },
                    },
                    ["Done"] = new JsonObject { ["Type"] = "Pass", ["Result"] = "done", ["End"] = true },
                },
            }.ToJsonString(),
        }, guard.Token);
        JsonObject started = await CallAsync(firstApi, "StartExecution", new JsonObject { ["stateMachineArn"] = created["stateMachineArn"]!.DeepClone(), ["name"] = "in-flight" }, guard.Token);
        await endpoint.FirstCall.WaitAsync(guard.Token);
        output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  the task is in flight on the first process (PID {first.Id}); kill -INT");

        TimeSpan interrupted = clock.Elapsed;
        first.Interrupt();
        int exitCode = await first.ExitCodeAsync(guard.Token);
        output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  the first process exited with {exitCode}");

        using AslProcess second = AslProcess.StartServe("second", arguments);
        await second.Ready.WaitAsync(guard.Token);
        using HttpClient secondApi = new() { BaseAddress = second.ServingUrl() };
        JsonObject arn = new() { ["executionArn"] = started["executionArn"]!.DeepClone() };
        JsonObject described;
        while ((string?)(described = await CallAsync(secondApi, "DescribeExecution", arn, guard.Token))["status"] == "RUNNING")
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), guard.Token);
        }

        TimeSpan handedOver = clock.Elapsed - interrupted;
        output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {described["status"]} on the second process, {handedOver.TotalSeconds:F1} s after the SIGINT");
        JsonArray events = (await CallAsync(secondApi, "GetExecutionHistory", arn, guard.Token))["events"]!.AsArray();

        Assert.Equal(0, exitCode);
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("\"done\"", (string?)described["output"]);
        Assert.Equal(2, endpoint.Calls); // held on the first process, run again on the second
        Assert.Single(events, e => (string?)e!["type"] == "ExecutionStarted");
        Assert.Equal("ExecutionSucceeded", (string?)events[^1]!["type"]);
        Assert.True(handedOver < VisibilityTimeout - TimeSpan.FromMinutes(1), $"handed over after {handedOver}, not well before the visibility timeout");
        second.Interrupt();
        Assert.Equal(0, await second.ExitCodeAsync(guard.Token));
    }

    private static async Task<JsonObject> CallAsync(HttpClient api, string action, JsonObject request, CancellationToken cancellationToken)
    {
        using StringContent content = new(request.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using HttpRequestMessage message = new(HttpMethod.Post, "/") { Content = content };
        message.Headers.Add("X-Amz-Target", "AWSStepFunctions." + action);
        using HttpResponseMessage response = await api.SendAsync(message, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: HTTP {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>A loopback HTTP endpoint that never answers its first request (held open) and answers every later one at once.</summary>
    private sealed class HeldFirstCallServer : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly TaskCompletionSource firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<HttpListenerContext> held = [];
        private int calls;

        public HeldFirstCallServer()
        {
            int port = LocalHttpServer.FreePort();
            Url = $"http://127.0.0.1:{port}/work";
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public Task FirstCall => firstCall.Task;

        public int Calls => Volatile.Read(ref calls);

        public void Dispose()
        {
            lock (held)
            {
                held.ForEach(c => c.Response.Abort());
            }

            listener.Close();
        }

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                if (Interlocked.Increment(ref calls) == 1)
                {
                    lock (held)
                    {
                        held.Add(context);
                    }

                    firstCall.TrySetResult();
                    continue;
                }

                byte[] body = """{"ok":true}"""u8.ToArray();
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }
    }

    /// <summary>A configuration file deleted when disposed.</summary>
    private sealed class TempConfig : IDisposable
    {
        public TempConfig(string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "asl-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
