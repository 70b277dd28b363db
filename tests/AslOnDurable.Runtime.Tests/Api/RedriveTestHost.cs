using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// A self-host for RedriveExecution tests (embedded backend by default, or the given options' storage) whose Task calls
/// go to one handler, with the steps those tests repeat: run an execution to its end, redrive it and wait, read its
/// history once the run has written all of it. Executions are named by their ARN as a request object
/// (<c>{"executionArn": …}</c>); every call sends a copy.
/// </summary>
internal sealed class RedriveTestHost : IAsyncDisposable
{
    private RedriveTestHost(StepFunctionsSelfHost host) => Host = host;

    /// <summary>The host itself.</summary>
    public StepFunctionsSelfHost Host { get; }

    /// <summary>
    /// Starts a host whose Task calls go to <paramref name="handler"/> (distributed Maps: <paramref name="items"/>, else the
    /// options' storage account), on <paramref name="clock"/> when given (the API's clock; the backend keeps its own).
    /// </summary>
    public static async Task<RedriveTestHost> StartAsync(
        ITaskHandler handler, SelfHostOptions? options = null, Core.Engine.Items.IItemStore? items = null, TimeProvider? clock = null) =>
        new(await StepFunctionsSelfHost.StartAsync(
            options ?? new SelfHostOptions(), new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None,
            items, configureServices: services =>
            {
                services.AddSingleton(handler);
                if (clock is not null)
                {
                    services.AddSingleton(clock);
                }
            }));

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>Sends an action that must succeed.</summary>
    public Task<JsonObject> OkAsync(string action, JsonObject request) => Host.OkAsync(action, Copy(request));

    /// <summary>Sends an action that must fail with <paramref name="errorType"/>.</summary>
    public Task<JsonObject> ErrorAsync(string action, JsonObject request, string errorType) => Host.ErrorAsync(action, Copy(request), errorType);

    /// <summary>Creates a state machine from the text of its definition.</summary>
    public async Task<string> CreateInlineAsync(string name, string definition) =>
        (string)(await Host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["definition"] = definition, ["roleArn"] = ApiTestCalls.Role,
        }))["stateMachineArn"]!;

    /// <summary>Starts an execution; returns its ARN as a request object.</summary>
    public async Task<JsonObject> StartAsync(string machine, string name, string input = "{}")
    {
        JsonObject started = await Host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = name, ["input"] = input });
        return new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() };
    }

    /// <summary>Starts an execution and waits for its end; returns its ARN as a request object.</summary>
    public async Task<JsonObject> RunAsync(string machine, string name, string input = "{}")
    {
        JsonObject arn = await StartAsync(machine, name, input);
        await WaitAsync(arn);
        return arn;
    }

    /// <summary>
    /// Waits for the execution's durable instance to end (two minutes at most: a test fails rather than hangs); after a
    /// redrive, first for its new generation to start (while DescribeExecution answers PENDING_REDRIVE the backend still
    /// shows the earlier generation, which has ended).
    /// </summary>
    public async Task WaitAsync(JsonObject arn, CancellationToken cancellationToken = default)
    {
        using CancellationTokenSource budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromMinutes(2));
        await WaitRedriveStartedAsync(arn, budget.Token);
        await Host.Client.WaitForCompletionAsync(((string)arn["executionArn"]!).Split(":execution:")[1], budget.Token);
    }

    /// <summary>Waits while DescribeExecution answers PENDING_REDRIVE; returns the first other answer.</summary>
    public async Task<JsonObject> WaitRedriveStartedAsync(JsonObject arn, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            JsonObject described = await DescribeAsync(arn);
            if ((string?)described["status"] != "PENDING_REDRIVE")
            {
                return described;
            }

            await Task.Delay(10, cancellationToken);
        }
    }

    /// <summary>DescribeExecution.</summary>
    public Task<JsonObject> DescribeAsync(JsonObject arn) => OkAsync("DescribeExecution", arn);

    /// <summary>The execution's status.</summary>
    public async Task<string?> StatusAsync(JsonObject arn) => (string?)(await DescribeAsync(arn))["status"];

    /// <summary>Redrives the closed execution once its whole history is written, waits for the redriven run's end and checks its status.</summary>
    public async Task<JsonObject> RedriveAsync(JsonObject arn, string expectedStatus)
    {
        await HistoryTypesAsync(arn); // redrive from the whole history
        JsonObject redriven = await OkAsync("RedriveExecution", arn);
        await WaitAsync(arn);
        Assert.Equal(expectedStatus, await StatusAsync(arn));
        return redriven;
    }

    /// <summary>
    /// Sends RedriveExecution for the failed <paramref name="arn"/> from every host at once (each request on its own
    /// thread), waits for the execution's end and checks that exactly one redrive started: one answer is OK, the others
    /// ExecutionNotRedrivable; the execution ends <paramref name="expectedStatus"/> with redriveCount 1 and one
    /// ExecutionRedriven. Returns the index of the host whose redrive started.
    /// </summary>
    public static async Task<int> RaceRedrivesAsync(JsonObject arn, string expectedStatus, params RedriveTestHost[] hosts)
    {
        await hosts[0].HistoryTypesAsync(arn); // redrive from the whole history
        using Barrier together = new(hosts.Length);
        ApiResponse[] answers = await Task.WhenAll(hosts.Select(h => Task.Run(() =>
        {
            together.SignalAndWait(TimeSpan.FromSeconds(30));
            return h.Host.DispatchAsync(StepFunctionsDispatcher.TargetPrefix + "RedriveExecution", arn.ToJsonString(), CancellationToken.None);
        })));

        int started = Array.FindIndex(answers, a => a.StatusCode == 200);
        Assert.True(started >= 0, string.Join(" | ", answers.Select(a => a.Body)));
        Assert.Single(answers, a => a.StatusCode == 200);
        foreach (ApiResponse refused in answers.Where(a => a.StatusCode != 200))
        {
            ApiTestCalls.Error(refused, ApiErrorTypes.ExecutionNotRedrivable);
        }

        await hosts[started].WaitAsync(arn);
        JsonObject described = await hosts[started].DescribeAsync(arn);
        Assert.Equal(expectedStatus, (string?)described["status"]);
        Assert.Equal(1, (int)described["redriveCount"]!);
        Assert.Single(await hosts[started].HistoryTypesAsync(arn), t => t == "ExecutionRedriven");
        return started;
    }

    /// <summary>The history's events (every page; with <c>includeExecutionData</c> and the like when the request sets them).</summary>
    public async Task<JsonArray> EventsAsync(JsonObject arn)
    {
        JsonArray events = [];
        JsonObject request = Copy(arn);
        while (true)
        {
            JsonObject page = await OkAsync("GetExecutionHistory", request);
            foreach (JsonNode? e in page["events"]!.AsArray())
            {
                events.Add(e?.DeepClone());
            }

            if (page["nextToken"] is not { } next)
            {
                return events;
            }

            request["nextToken"] = next.DeepClone();
        }
    }

    /// <summary>The execution's status once it is no longer RUNNING; fails after a minute (the tests' deadlines are seconds).</summary>
    public async Task<string?> ClosedStatusAsync(JsonObject arn)
    {
        using CancellationTokenSource budget = new(TimeSpan.FromSeconds(60));
        while (true)
        {
            string? status = await StatusAsync(arn);
            if (status != "RUNNING")
            {
                return status;
            }

            Assert.False(budget.IsCancellationRequested, "the execution is still RUNNING a minute after it should have closed");
            await Task.Delay(100);
        }
    }

    /// <summary>The event types of a closed execution's history once it ends with its closing event and stops growing.</summary>
    public async Task<string[]> HistoryTypesAsync(JsonObject arn)
    {
        for (int attempt = 0; ; attempt++)
        {
            string[] types = Types(await EventsAsync(arn));
            await Task.Delay(50);
            int again = (await EventsAsync(arn)).Count;
            if ((types.Length == again && types[^1].StartsWith("Execution", StringComparison.Ordinal) && types[^1] != "ExecutionRedriven") || attempt == 200)
            {
                return types;
            }
        }
    }

    /// <summary>The history's event types once its last event is <paramref name="expectedLast"/> (a running execution records asynchronously).</summary>
    public async Task<string[]> HistoryTypesAsync(JsonObject arn, string expectedLast)
    {
        for (int attempt = 0; ; attempt++)
        {
            string[] types = Types(await EventsAsync(arn));
            if ((types.Length > 0 && types[^1] == expectedLast) || attempt == 500)
            {
                return types;
            }

            await Task.Delay(10);
        }
    }

    /// <summary>The event types, in order.</summary>
    public static string[] Types(JsonArray events) => [.. events.Select(e => (string)e!["type"]!)];

    /// <summary>A copy of a request object.</summary>
    public static JsonObject Copy(JsonObject request) => (JsonObject)request.DeepClone();
}
