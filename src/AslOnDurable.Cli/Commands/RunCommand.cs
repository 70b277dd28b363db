using System.CommandLine;
using System.Text.Json.Nodes;
using AslOnDurable.Cli.Output;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.InMemory.Mocking;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Cli.Telemetry;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Observability;
using AslOnDurable.Runtime.Storage;

namespace AslOnDurable.Cli.Commands;

/// <summary>
/// <c>asl run &lt;definition&gt;</c>: runs one execution and prints its outcome. By default the execution is a durable
/// orchestration on the embedded in-memory backend (or Azure Storage with <c>--storage</c>); <c>--express</c> runs the
/// in-memory engine without Durable. Exit 0 whenever the execution ran (whatever its status); non-zero with one line
/// on stderr when it could not run.
/// </summary>
internal static class RunCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="stdoutIsRedirected">Picks the default format: json when redirected, human on a terminal.</param>
    /// <param name="clock">Measures <c>--max-run-seconds</c>.</param>
    public static Command Create(bool stdoutIsRedirected, TimeProvider clock)
    {
        var definition = new Argument<string>("definition") { Description = "The state machine definition (ASL JSON file)." };
        var input = new Option<string?>("--input") { Description = "The execution input: JSON text, or @file to read it from a file (default {})." };
        var format = new Option<string>("--format")
        {
            Description = "Output format: json (one object: status, output or error/cause) or human (states entered/exited, then the result).",
            DefaultValueFactory = _ => stdoutIsRedirected ? "json" : "human",
        };
        format.AcceptOnlyFromAmong("json", "human");
        var mockConfig = new Option<string?>("--mock-config") { Description = "An AWS Step Functions Local mock configuration file." };
        var testCase = new Option<string?>("--test-case") { Description = "The test case of the mock configuration to use." };
        var stateMachineName = new Option<string?>("--state-machine-name") { Description = "The state machine name ($$.StateMachine.Name; also picks the mock configuration's state machine)." };
        var express = new Option<bool>("--express") { Description = "Run as an Express workflow: the in-memory engine, without Durable." };
        var storage = new Option<string?>("--storage") { Description = "Run on the Azure Storage backend: a connection string, or 'azurite' for the local emulator on its default ports (default: the embedded in-memory backend)." };
        var realTime = new Option<bool>("--real-time") { Description = "Really sleep in Wait states and retry intervals (default: a virtual clock that jumps, so timestamps still move as on AWS)." };
        var maxPayload = new Option<int>("--max-payload-bytes")
        {
            Description = "The payload size quota in bytes (AWS: 262144).",
            DefaultValueFactory = _ => ExecutionOptions.DefaultMaxPayloadBytes,
        };
        var maxTransitions = new Option<long>("--max-transitions")
        {
            Description = "Fail the execution (States.Runtime) once it has entered this many states plus retries (all branches together).",
            DefaultValueFactory = _ => ExecutionOptions.DefaultMaxStateTransitions,
        };
        var maxRunSeconds = new Option<int?>("--max-run-seconds")
        {
            Description = "Stop the execution once it has run this many seconds of real time (both modes): it is reported TIMED_OUT "
                + "(States.Timeout) with exit code 3. Default: no limit.",
        };
        var stateMachines = new Option<string[]>("--state-machine")
        {
            Description = "Register another state machine for Task states that start it (states:startExecution): NAME=path.asl.json, "
                + "as arn:aws:states:us-east-1:123456789012:stateMachine:NAME. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var itemsFolder = new Option<string?>("--items-folder")
        {
            Description = "The folder standing in for a storage account for distributed Map ItemReader/ResultWriter "
                + "(S3 Bucket = sub-folder, Key = path below it; default: the --storage account's Blob Storage, else the current directory).",
        };
        var handlers = CliInputs.HandlersOption();
        var integrations = new Option<string?>("--integrations") { Description = "The integrations configuration (JSON): HTTP connections and other services Task states call." };
        var otel = new Option<string?>("--otel")
        {
            Description = "Export traces and metrics with OpenTelemetry: console (printed after the result) or otlp (OTEL_EXPORTER_OTLP_* variables); "
                + "none turns it off. Default: the standard OTEL_TRACES_EXPORTER / OTEL_EXPORTER_OTLP_ENDPOINT variables, else off.",
        };
        otel.AcceptOnlyFromAmong(TelemetryExport.Exporters);
        var logLevel = new Option<string?>("--log-level")
        {
            Description = "Log execution history events to standard error as a state machine's loggingConfiguration would: "
                + "ALL (every event), ERROR (error events), FATAL (the execution's failure), OFF (default).",
        };
        logLevel.AcceptOnlyFromAmong([.. ExecutionLogLevels.Names]);
        var logData = new Option<bool>("--log-execution-data") { Description = "With --log-level: include inputs, outputs and parameters (includeExecutionData)." };
        var command = new Command("run", "Run a state machine once and print the outcome.")
        {
            definition, input, format, mockConfig, testCase, stateMachineName, express, storage, realTime, maxPayload, maxTransitions, maxRunSeconds, stateMachines, integrations, handlers, itemsFolder, otel, logLevel, logData,
        };
        command.SetAction(parse =>
        {
            var settings = new RunSettings(
                parse.GetValue(definition)!,
                parse.GetValue(input),
                parse.GetValue(format) ?? "json",
                parse.GetValue(mockConfig),
                parse.GetValue(testCase),
                parse.GetValue(stateMachineName),
                parse.GetValue(express),
                parse.GetValue(storage),
                parse.GetValue(realTime),
                parse.GetValue(maxPayload))
            {
                StateMachines = parse.GetValue(stateMachines) ?? [],
                MaxStateTransitions = parse.GetValue(maxTransitions),
                MaxRunSeconds = parse.GetValue(maxRunSeconds),
                Integrations = parse.GetValue(integrations),
                Handlers = parse.GetValue(handlers) ?? [],
                ItemsFolder = parse.GetValue(itemsFolder),
                Otel = parse.GetValue(otel),
                LogLevel = parse.GetValue(logLevel),
                LogExecutionData = parse.GetValue(logData),
            };
            return Execute(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, clock);
        });
        return command;
    }

    /// <summary>How long a stopped run may take to wind down (terminate its durable instance, stop the host) before its outcome is printed anyway.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    /// <summary>Runs with parsed settings.</summary>
    /// <param name="settings">The options.</param>
    /// <param name="stdout">Where the outcome goes.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="clock">Measures <c>--max-run-seconds</c> (the system clock in <c>asl</c>; tests pass a fake).</param>
    /// <returns>The exit code.</returns>
    public static int Execute(RunSettings settings, TextWriter stdout, TextWriter stderr, TimeProvider? clock = null)
    {
        if (settings.MaxPayloadBytes <= 0)
        {
            stderr.WriteLine("error: --max-payload-bytes must be positive.");
            return ExitCodes.UsageError;
        }

        if (settings.MaxStateTransitions <= 0)
        {
            stderr.WriteLine("error: --max-transitions must be positive.");
            return ExitCodes.UsageError;
        }

        if (settings.MaxRunSeconds is <= 0)
        {
            stderr.WriteLine("error: --max-run-seconds must be positive.");
            return ExitCodes.UsageError;
        }

        var parsed = CliInputs.ReadDefinition(settings.Definition, stderr, out var definitionText);
        if (parsed is null)
        {
            return ExitCodes.UsageError;
        }

        if (parsed.Definition is null)
        {
            stderr.WriteLine($"error: the definition '{settings.Definition}' is invalid:");
            CliInputs.WriteDiagnosticSummary(parsed.Diagnostics, stderr);
            return ExitCodes.UsageError;
        }

        // An input file is read up to four times the payload quota (whitespace and escapes count in the file, not in the quota).
        if (!CliInputs.TryReadJson(settings.Input, "input", stderr, out var inputNode, Math.Max(CliInputs.MaxFileBytes, 4L * settings.MaxPayloadBytes)))
        {
            return ExitCodes.UsageError;
        }

        if (PayloadSizeGuard.Size(inputNode) > settings.MaxPayloadBytes)
        {
            stderr.WriteLine($"error: the input is larger than the payload limit of {settings.MaxPayloadBytes} bytes.");
            return ExitCodes.UsageError;
        }

        ITaskHandler? tasks = CliInputs.ReadStateMachines(settings.StateMachines, stderr, settings.Integrations, settings.Handlers);
        if (tasks is null)
        {
            return ExitCodes.UsageError;
        }

        if (settings.MockConfig is not null)
        {
            if (settings.TestCase is null)
            {
                stderr.WriteLine("error: --mock-config needs --test-case.");
                return ExitCodes.UsageError;
            }

            if (!CliInputs.TryReadFile(settings.MockConfig, "mock configuration", stderr, out var mockText))
            {
                return ExitCodes.UsageError;
            }

            try
            {
                var testCase = MockConfiguration.Parse(mockText).GetTestCase(settings.StateMachineName, settings.TestCase);
                tasks = new MockTaskHandler(testCase, tasks);
            }
            catch (FormatException e)
            {
                stderr.WriteLine("error: " + e.Message);
                return ExitCodes.UsageError;
            }
        }
        else if (settings.TestCase is not null)
        {
            stderr.WriteLine("error: --test-case needs --mock-config.");
            return ExitCodes.UsageError;
        }

        ExecutionPlan plan;
        try
        {
            plan = ExecutionPlan.Compile(parsed.Definition, new JsonataLibraryEvaluator());
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"error: the definition '{settings.Definition}' cannot be compiled: {e.Message}");
            return ExitCodes.UsageError;
        }

        if (settings.Express && settings.Storage is not null)
        {
            stderr.WriteLine("error: --express runs in memory; it does not take --storage.");
            return ExitCodes.UsageError;
        }

        if (settings.ItemsFolder is not null && !Directory.Exists(settings.ItemsFolder))
        {
            stderr.WriteLine($"error: the items folder '{settings.ItemsFolder}' does not exist.");
            return ExitCodes.UsageError;
        }

        var history = settings.Format == "human" ? new ListHistorySink(ListHistorySink.AwsHistoryEventLimit) : null;
        var stateMachineName = settings.StateMachineName ?? StateMachineNameFrom(settings.Definition);
        ExecutionResult result;
        bool exceeded;
        var executionLog = ExecutionLogLevels.LogsAnything(settings.LogLevel) ? new ExecutionLogWriter(stderr) : null;
        using (var export = TelemetryExport.Start(settings.Otel, Environment.GetEnvironmentVariable, executionLog))
        using (var logOnly = export is null && executionLog is not null ? new ExecutionTelemetry(TelemetryNames.Source, executionLog) : null)
        {
            var telemetry = export?.Telemetry ?? logOnly;
            using var deadline = settings.MaxRunSeconds is { } seconds
                ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds), clock ?? TimeProvider.System)
                : new CancellationTokenSource();
            var running = settings.Express
                ? Task.Run(() => RunExpress(plan, inputNode, tasks, settings, stateMachineName, history, telemetry, deadline.Token))
                : RunDurable(settings, definitionText, inputNode, tasks, stateMachineName, history, telemetry, deadline.Token);
            var finished = Await(running, deadline.Token);
            exceeded = finished is null
                || (deadline.IsCancellationRequested && finished.Status is ExecutionStatus.TimedOut or ExecutionStatus.Aborted);
            result = exceeded || finished is null
                ? new ExecutionResult(
                    ExecutionStatus.TimedOut,
                    null,
                    new AslError(StatesErrorNames.Timeout, $"The run exceeded --max-run-seconds {settings.MaxRunSeconds} and was stopped."))
                : finished;
        }

        if (history is null)
        {
            ExecutionResultWriter.WriteJson(result, stdout);
        }
        else
        {
            ExecutionResultWriter.WriteHuman(result, history.Events, stdout, history.Dropped);
        }

        if (exceeded)
        {
            stderr.WriteLine($"error: the execution did not finish within --max-run-seconds {settings.MaxRunSeconds}; it was stopped (TIMED_OUT).");
            return ExitCodes.RunTimeExceeded;
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The run's result, or <see langword="null"/> when the deadline passed and the run did not wind down within
    /// <see cref="StopGrace"/> (a durable episode that never yields ends only at <c>--max-transitions</c>).
    /// </summary>
    private static ExecutionResult? Await(Task<ExecutionResult> running, CancellationToken deadline)
    {
        try
        {
            return running.WaitAsync(deadline).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            try
            {
                // Let the run stop cleanly: the in-memory engine ends at its next state, a durable instance is terminated.
                return running.Wait(StopGrace, CancellationToken.None) ? running.Result : null;
            }
            catch (AggregateException e) when (e.InnerException is OperationCanceledException)
            {
                return null; // cancelled before the durable host had started
            }
        }
    }

    private static ExecutionResult RunExpress(ExecutionPlan plan, JsonNode? input, ITaskHandler tasks, RunSettings settings, string stateMachineName, ListHistorySink? history, ExecutionTelemetry? telemetry, CancellationToken stop)
    {
        var host = new InMemoryExecutionHost(TimeProvider.System, tasks, new InMemoryHostOptions
        {
            SkipWaits = !settings.RealTime,
            ItemStore = new FolderItemStore(settings.ItemsFolder ?? Directory.GetCurrentDirectory()),
        });
        var request = new ExecutionRequest { Input = input, StateMachineName = stateMachineName, Name = Guid.NewGuid().ToString() };
        var arn = request.ExecutionArnFor(request.Name);
        var observed = telemetry?.Observe(new ExecutionLabels(arn, arn, stateMachineName, System.Diagnostics.Activity.Current?.Id)
        {
            LogLevel = settings.LogLevel,
            LogExecutionData = settings.LogExecutionData,
        });
        var options = new ExecutionOptions
        {
            MaxPayloadBytes = settings.MaxPayloadBytes,
            History = CompositeHistorySink.Of(history, observed?.Sink),
            MaxStateTransitions = settings.MaxStateTransitions,
            Stop = stop,
        };
        return new Interpreter(plan).RunAsync(request, host, options).AsTask().GetAwaiter().GetResult();
    }

    private static Task<ExecutionResult> RunDurable(
        RunSettings settings, string definitionText, JsonNode? input, ITaskHandler tasks, string stateMachineName, ListHistorySink? history, ExecutionTelemetry? telemetry, CancellationToken stop)
    {
        var options = new DurableRunOptions
        {
            Host = DurableRunOptions.BackendFor(settings.Storage),
            StateMachineName = stateMachineName,
            MaxPayloadBytes = settings.MaxPayloadBytes,
            MaxStateTransitions = settings.MaxStateTransitions,
            History = history,
            SkipWaits = !settings.RealTime,
            ItemStore = DurableRunOptions.ItemStoreFor(settings.ItemsFolder, settings.Storage),
            Telemetry = telemetry,
            LogLevel = settings.LogLevel,
            LogExecutionData = settings.LogExecutionData,
        };
        return DurableStateMachineRunner.RunAsync(definitionText, input, tasks, options, stop);
    }

    private static string StateMachineNameFrom(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var suffix in (string[])[".asl.json", ".json"])
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }

        return name.Length == 0 ? "StateMachine" : name;
    }

    /// <summary>The parsed options of <c>asl run</c>.</summary>
    internal sealed record RunSettings(
        string Definition,
        string? Input,
        string Format,
        string? MockConfig,
        string? TestCase,
        string? StateMachineName,
        bool Express,
        string? Storage,
        bool RealTime,
        int MaxPayloadBytes)
    {
        /// <summary>The <c>--max-transitions</c> limit.</summary>
        public long MaxStateTransitions { get; init; } = ExecutionOptions.DefaultMaxStateTransitions;

        /// <summary>The <c>--max-run-seconds</c> limit, or <see langword="null"/> for none.</summary>
        public int? MaxRunSeconds { get; init; }

        /// <summary>The <c>--state-machine NAME=path</c> values.</summary>
        public IReadOnlyList<string> StateMachines { get; init; } = [];

        /// <summary>The <c>--integrations FILE</c> value.</summary>
        public string? Integrations { get; init; }

        /// <summary>The <c>--handlers ASSEMBLY</c> values.</summary>
        public IReadOnlyList<string> Handlers { get; init; } = [];
        /// <summary>The <c>--items-folder</c> value: the local stand-in for a storage account, or <see langword="null"/>.</summary>
        public string? ItemsFolder { get; init; }

        /// <summary>The <c>--otel</c> value (console, otlp, none), or <see langword="null"/> to follow the OTEL_* variables.</summary>
        public string? Otel { get; init; }

        /// <summary>The <c>--log-level</c> value (ALL, ERROR, FATAL, OFF), or <see langword="null"/> for OFF.</summary>
        public string? LogLevel { get; init; }

        /// <summary>The <c>--log-execution-data</c> flag.</summary>
        public bool LogExecutionData { get; init; }
    }
}
