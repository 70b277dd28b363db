using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Benchmarks;

/// <summary>Options of <c>--api</c>.</summary>
/// <param name="AslDll">The CLI's built <c>asl.dll</c>, or <c>null</c> to look for the Release build in the repository.</param>
/// <param name="Starts">Measured StartExecution calls per backend.</param>
/// <param name="Clients">Concurrent clients.</param>
/// <param name="Embedded">Measure <c>asl serve</c> on the embedded in-memory backend.</param>
/// <param name="Azurite">Measure <c>asl serve --storage</c> on Azurite (started on free loopback ports).</param>
/// <param name="Storage">An Azure Storage connection string to measure too, or <c>null</c>.</param>
internal sealed record ApiBenchOptions(string? AslDll, int Starts, int Clients, bool Embedded, bool Azurite, string? Storage);

/// <summary>
/// <c>--api</c>: the Step Functions API on loopback, as users reach it. Starts the real <c>asl serve</c> process (Kestrel,
/// AWS JSON 1.0) on a free port, registers a small STANDARD machine with CreateStateMachine, then <c>Clients</c>
/// concurrent HTTP clients call StartExecution until <c>Starts</c> calls are made (each a unique name). Reports starts/s
/// and p50/p99 StartExecution latency, then polls DescribeExecution until every execution is SUCCEEDED (executions
/// completed/s, from the first start to the last completion observed). Nothing may be lost or run twice: every start
/// answered 200 with its own ARN, ListExecutions lists exactly the names started (once each, all SUCCEEDED), each
/// execution's output carries its own input and name, and each history holds exactly one ExecutionStarted, one run of
/// the machine's states and one ExecutionSucceeded, with ids 1..n.
/// </summary>
/// <remarks>Client and server share the machine's cores; a warm-up round (on another machine) precedes the measured one.</remarks>
internal static class ApiBenchmark
{
    // Two Pass states (one reading the context object) and a Succeed: per execution 7 history events.
    private const string Definition = """
        {"Comment":"api benchmark","StartAt":"Stamp","States":{
          "Stamp":{"Type":"Pass","Parameters":{"i.$":"$.i","name.$":"$$.Execution.Name"},"Next":"Tag"},
          "Tag":{"Type":"Pass","Result":"done","ResultPath":"$.tag","Next":"Done"},
          "Done":{"Type":"Succeed"}}}
        """;

    private static readonly string[] ExpectedHistory =
    [
        "ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited",
        "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded",
    ];

    public static async Task<int> RunAsync(ApiBenchOptions options)
    {
        var asl = options.AslDll ?? FindAsl();
        if (asl is null || !File.Exists(asl))
        {
            Console.Error.WriteLine("error: cannot find asl.dll; build src/AslOnDurable.Cli -c Release or pass --asl PATH");
            return 2;
        }

        Console.WriteLine($".NET {Environment.Version}, {asl}, {options.Starts} starts from {options.Clients} clients, load average {LoadAverage.Read()}");
        var ok = true;
        if (options.Embedded)
        {
            ok &= await RunBackendAsync("embedded", asl, [], options);
        }

        if (options.Azurite)
        {
            await using var azurite = await AzuriteProcess.StartAsync();
            ok &= await RunBackendAsync("azurite", asl, ["--storage", azurite.ConnectionString, "--task-hub", "bench" + Guid.NewGuid().ToString("N")[..8]], options);
        }

        if (options.Storage is not null)
        {
            ok &= await RunBackendAsync("azure-storage", asl, ["--storage", options.Storage, "--task-hub", "bench" + Guid.NewGuid().ToString("N")[..8]], options);
        }

        return ok ? 0 : 1;
    }

    private static async Task<bool> RunBackendAsync(string backend, string asl, string[] serveArguments, ApiBenchOptions options)
    {
        await using var server = await ServeProcess.StartAsync(asl, serveArguments);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2 })
        {
            BaseAddress = new Uri(server.Url),
            Timeout = TimeSpan.FromMinutes(5),
        };
        var api = new ApiClient(http);
        var run = Guid.NewGuid().ToString("N")[..6];

        // Warm-up on its own machine, so the measured machine's executions are exactly the measured starts.
        var warm = await api.CreateStateMachineAsync($"bench-warm-{run}");
        var warmRound = await StartAllAsync(api, warm, "warm", Math.Min(options.Starts, options.Clients * 2), options.Clients);
        if (warmRound.Failures.Count > 0 || (await WaitAllAsync(api, warmRound.Arns, TimeSpan.FromMinutes(5))).Problems.Count > 0)
        {
            Console.WriteLine($"{backend,-9} FAILED in the warm-up: {string.Join("; ", warmRound.Failures.Take(3))}");
            return false;
        }

        var machine = await api.CreateStateMachineAsync($"bench-{run}");
        var cpuBefore = server.CpuTime;
        var round = await StartAllAsync(api, machine, "run", options.Starts, options.Clients);
        var waited = await WaitAllAsync(api, round.Arns, TimeSpan.FromMinutes(20));
        var completedAt = round.Clock.Elapsed; // an upper bound: when the last polling round saw the last execution SUCCEEDED
        var serverCpu = server.CpuTime - cpuBefore;
        var problems = new List<string>(round.Failures.Take(5));
        problems.AddRange(waited.Problems.Take(5));
        if (round.Failures.Count == 0 && waited.Problems.Count == 0)
        {
            problems.AddRange(await VerifyAsync(api, machine, round.Arns));
        }

        var latencies = round.LatenciesMs.ToArray();
        Array.Sort(latencies);
        double startSeconds = round.StartPhase.TotalSeconds, doneSeconds = completedAt.TotalSeconds;
        Console.WriteLine($"{backend,-9} {options.Starts} starts in {startSeconds:F2} s: {options.Starts / startSeconds,7:F0} starts/s, " +
            $"StartExecution p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms; " +
            $"all SUCCEEDED after {doneSeconds:F2} s: {options.Starts / doneSeconds,7:F0} executions completed/s; " +
            $"server CPU {serverCpu.TotalSeconds:F1} s; load average {LoadAverage.Read()}");
        if (problems.Count > 0)
        {
            Console.WriteLine($"{backend,-9} FAILED: {round.Failures.Count} start errors, {waited.Problems.Count} executions not SUCCEEDED; {string.Join("; ", problems.Take(10))}");
            return false;
        }

        Console.WriteLine($"{backend,-9} checked: {options.Starts} unique ARNs, ListExecutions lists each name once (all SUCCEEDED), every output and history is its own and complete (none lost, none run twice)");
        return true;
    }

    private static async Task<StartRound> StartAllAsync(ApiClient api, string machineArn, string prefix, int starts, int clients)
    {
        var next = -1;
        var latencies = new ConcurrentBag<double>();
        var arns = new ConcurrentDictionary<int, string>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        async Task ClientAsync()
        {
            await Task.Yield();
            int i;
            while ((i = Interlocked.Increment(ref next)) < starts)
            {
                var name = Name(prefix, i);
                var request = new JsonObject { ["stateMachineArn"] = machineArn, ["name"] = name, ["input"] = new JsonObject { ["i"] = i }.ToJsonString() };
                var watch = Stopwatch.StartNew();
                var (status, body) = await api.CallAsync("StartExecution", request);
                watch.Stop();
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                if (status != 200 || body["executionArn"]?.GetValue<string>() is not { } arn || !arn.EndsWith(":" + name, StringComparison.Ordinal))
                {
                    failures.Enqueue($"{name}: HTTP {status} {body.ToJsonString()}");
                }
                else if (!arns.TryAdd(i, arn))
                {
                    failures.Enqueue($"{name}: started twice by the benchmark");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(ClientAsync)));
        var phase = clock.Elapsed;
        if (arns.Values.Distinct(StringComparer.Ordinal).Count() != arns.Count)
        {
            failures.Enqueue("two starts answered the same execution ARN");
        }

        return new StartRound(clock, phase, [.. latencies], arns, [.. failures]);
    }

    /// <summary>Polls DescribeExecution for the executions not yet seen SUCCEEDED (a few requests at a time) until none is left.</summary>
    private static async Task<Waited> WaitAllAsync(ApiClient api, ConcurrentDictionary<int, string> arns, TimeSpan timeout)
    {
        var pending = new ConcurrentDictionary<int, string>(arns);
        var problems = new ConcurrentQueue<string>();
        var deadline = Stopwatch.StartNew();
        while (!pending.IsEmpty && deadline.Elapsed < timeout)
        {
            var work = new ConcurrentQueue<KeyValuePair<int, string>>(pending);
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (work.TryDequeue(out var item))
                {
                    var (status, body) = await api.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = item.Value });
                    var state = body["status"]?.GetValue<string>();
                    if (status != 200 || state is null)
                    {
                        problems.Enqueue($"{item.Value}: DescribeExecution HTTP {status} {body.ToJsonString()}");
                        pending.TryRemove(item.Key, out string? _);
                    }
                    else if (state == "SUCCEEDED")
                    {
                        var output = JsonNode.Parse(body["output"]?.GetValue<string>() ?? "null");
                        var expected = new JsonObject { ["i"] = item.Key, ["name"] = item.Value[(item.Value.LastIndexOf(':') + 1)..], ["tag"] = "done" };
                        if (!JsonNode.DeepEquals(output, expected))
                        {
                            problems.Enqueue($"{item.Value}: output {output?.ToJsonString()} is not {expected.ToJsonString()}");
                        }

                        pending.TryRemove(item.Key, out string? _);
                    }
                    else if (state != "RUNNING")
                    {
                        problems.Enqueue($"{item.Value}: {state} {body["error"]} {body["cause"]}");
                        pending.TryRemove(item.Key, out string? _);
                    }
                }
            })));
            if (!pending.IsEmpty)
            {
                await Task.Delay(50);
            }
        }

        foreach (var lost in pending.Values.Take(5))
        {
            problems.Enqueue($"{lost}: still RUNNING after {timeout.TotalMinutes} min");
        }

        return new Waited([.. problems]);
    }

    private static async Task<List<string>> VerifyAsync(ApiClient api, string machineArn, ConcurrentDictionary<int, string> arns)
    {
        var problems = new List<string>();
        var listed = new List<(string Name, string Status)>();
        string? token = null;
        do
        {
            var request = new JsonObject { ["stateMachineArn"] = machineArn, ["maxResults"] = 1000 };
            if (token is not null)
            {
                request["nextToken"] = token;
            }

            var (status, body) = await api.CallAsync("ListExecutions", request);
            if (status != 200)
            {
                return [$"ListExecutions HTTP {status} {body.ToJsonString()}"];
            }

            listed.AddRange(body["executions"]!.AsArray().Select(e => (e!["name"]!.GetValue<string>(), e["status"]!.GetValue<string>())));
            token = body["nextToken"]?.GetValue<string>();
        }
        while (token is not null);

        var names = arns.Keys.Select(i => Name("run", i)).ToHashSet(StringComparer.Ordinal);
        if (listed.Count != arns.Count || listed.Select(l => l.Name).Distinct(StringComparer.Ordinal).Count() != listed.Count || !listed.All(l => names.Contains(l.Name)))
        {
            problems.Add($"ListExecutions lists {listed.Count} executions ({listed.Select(l => l.Name).Distinct(StringComparer.Ordinal).Count()} names) for {arns.Count} started");
        }

        if (listed.Count(l => l.Status == "SUCCEEDED") != arns.Count)
        {
            problems.Add($"ListExecutions: {listed.Count(l => l.Status == "SUCCEEDED")} SUCCEEDED of {arns.Count}");
        }

        var histories = new ConcurrentQueue<string>();
        var work = new ConcurrentQueue<string>(arns.Values);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (work.TryDequeue(out var arn))
            {
                var (status, body) = await api.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn, ["maxResults"] = 1000 });
                var events = body["events"]?.AsArray();
                var types = events?.Select(e => e!["type"]!.GetValue<string>()).ToArray() ?? [];
                var ids = events?.Select(e => e!["id"]!.GetValue<long>()).ToArray() ?? [];
                if (status != 200 || !types.SequenceEqual(ExpectedHistory) || !ids.SequenceEqual(Enumerable.Range(1, ids.Length).Select(i => (long)i)))
                {
                    histories.Enqueue($"{arn}: history [{string.Join(",", types)}] ids [{string.Join(",", ids)}]");
                }
            }
        })));
        problems.AddRange(histories.Take(5));
        if (!histories.IsEmpty)
        {
            problems.Add($"{histories.Count} histories are not one complete run");
        }

        return problems;
    }

    private static string Name(string prefix, int i) => $"{prefix}-{i:D6}";

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Round(p * (sorted.Length - 1))];

    private static string? FindAsl()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var bin = new DirectoryInfo(Path.Combine(dir.FullName, "src", "AslOnDurable.Cli", "bin", "Release"));
            if (bin.Exists)
            {
                return bin.GetFiles("asl.dll", SearchOption.AllDirectories).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()?.FullName;
            }
        }

        return null;
    }

    private sealed record StartRound(Stopwatch Clock, TimeSpan StartPhase, double[] LatenciesMs, ConcurrentDictionary<int, string> Arns, List<string> Failures);

    private sealed record Waited(List<string> Problems);

    /// <summary>AWS JSON 1.0 over HTTP, as the SDKs send it.</summary>
    private sealed class ApiClient(HttpClient http)
    {
        private static readonly MediaTypeHeaderValue ContentType = new("application/x-amz-json-1.0");

        public async Task<(int Status, JsonObject Body)> CallAsync(string action, JsonObject request)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.ToJsonString())) };
            message.Content.Headers.ContentType = ContentType;
            message.Headers.Add("X-Amz-Target", "AWSStepFunctions." + action);
            using var response = await http.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, JsonNode.Parse(text) as JsonObject ?? []);
        }

        public async Task<string> CreateStateMachineAsync(string name)
        {
            var (status, body) = await CallAsync("CreateStateMachine", new JsonObject
            {
                ["name"] = name,
                ["definition"] = Definition,
                ["roleArn"] = "arn:aws:iam::123456789012:role/bench",
                ["type"] = "STANDARD",
            });
            return status == 200 && body["stateMachineArn"]?.GetValue<string>() is { } arn
                ? arn
                : throw new InvalidOperationException($"CreateStateMachine: HTTP {status} {body.ToJsonString()}");
        }
    }

    /// <summary><c>dotnet asl.dll serve --port 0 …</c>, ready once it prints its <c>serving URL</c> line; killed by its PID.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process process;

        private ServeProcess(Process process, string url)
        {
            this.process = process;
            Url = url;
        }

        public string Url { get; }

        public TimeSpan CpuTime
        {
            get
            {
                process.Refresh();
                return process.TotalProcessorTime;
            }
        }

        public static async Task<ServeProcess> StartAsync(string asl, string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])[asl, "serve", "--port", "0", .. arguments])
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("could not start asl serve");
            var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var errors = new ConcurrentQueue<string>();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line && line.StartsWith("serving ", StringComparison.Ordinal))
                {
                    ready.TrySetResult(line.Split(' ')[1]);
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    errors.Enqueue(line);
                }
            };
            process.EnableRaisingEvents = true;
            process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("asl serve exited: " + string.Join(" ", errors)));
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                return new ServeProcess(process, await ready.Task.WaitAsync(TimeSpan.FromMinutes(2)));
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }
}
