using System.CommandLine;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory.Mocking;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Cli.Commands;

/// <summary>
/// <c>asl worker --storage &lt;connection|azurite&gt; [--task-hub NAME]</c>: runs a durable self-host worker on an
/// Azure Storage task hub until stopped (Ctrl+C or SIGTERM). Every worker on one task hub shares its executions:
/// start several, on one machine or many, to scale out; when one dies the others take over its partitions once its
/// leases expire. Prints one <c>worker ready</c> line when it polls for work.
/// </summary>
internal static class WorkerCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var storage = new Option<string>("--storage")
        {
            Description = "The Azure Storage task hub's account: a connection string, or 'azurite' for the local emulator on its default ports.",
            Required = true,
        };
        var taskHub = new Option<string>("--task-hub") { Description = "The task hub name (3-45 letters or digits).", DefaultValueFactory = _ => "asl" };
        var partitions = new Option<int>("--partitions") { Description = "Control-queue partitions (1-16); every worker of a task hub must agree.", DefaultValueFactory = _ => 4 };
        var failover = CliInputs.FailoverOption();
        var handOverGrace = CliInputs.HandOverGraceOption();
        var handOverSettle = CliInputs.HandOverSettleOption();
        var mockConfig = new Option<string?>("--mock-config") { Description = "Answer Task states from an AWS Step Functions Local mock configuration file." };
        var testCase = new Option<string?>("--test-case") { Description = "The test case of the mock configuration to use." };
        var stateMachineName = new Option<string?>("--state-machine-name") { Description = "The mock configuration's state machine." };
        var trace = new Option<bool>("--trace") { Description = "Print one line per Task state attempt this worker runs: 'task <execution ARN> <state> <retry>'." };
        var stateMachines = new Option<string[]>("--state-machine")
        {
            Description = "Register another state machine for Task states that start it (states:startExecution): NAME=path.asl.json. Repeatable.",
        };
        var itemsFolder = new Option<string?>("--items-folder")
        {
            Description = "The folder standing in for a storage account for distributed Map ItemReader/ResultWriter (default: the --storage account's Blob Storage).",
        };
        var handlers = CliInputs.HandlersOption();
        var integrations = new Option<string?>("--integrations") { Description = "The integrations configuration (JSON): HTTP connections and other services Task states call." };
        var command = new Command("worker", "Run a durable worker on an Azure Storage task hub until stopped.")
        {
            storage, taskHub, partitions, failover, handOverGrace, handOverSettle, mockConfig, testCase, stateMachineName, trace, stateMachines, integrations, handlers, itemsFolder,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var backend = CliInputs.WithFailover(DurableRunOptions.BackendFor(parse.GetValue(storage)), parse.GetValue(failover), stderr);
            backend = backend is null ? null : CliInputs.WithHandOver(backend, parse.GetValue(handOverGrace), parse.GetValue(handOverSettle), stderr);
            if (backend is null)
            {
                return ExitCodes.UsageError;
            }

            var fallback = CliInputs.ReadStateMachines(parse.GetValue(stateMachines) ?? [], stderr, parse.GetValue(integrations), parse.GetValue(handlers) ?? []);
            var tasks = fallback is null ? null : ReadTasks(parse.GetValue(mockConfig), parse.GetValue(testCase), parse.GetValue(stateMachineName), fallback, stderr);
            if (tasks is null)
            {
                return ExitCodes.UsageError;
            }

            if (parse.GetValue(trace))
            {
                tasks = new TracingTaskHandler(tasks, stdout);
            }

            if (parse.GetValue(itemsFolder) is { } folder && !Directory.Exists(folder))
            {
                stderr.WriteLine($"error: the items folder '{folder}' does not exist.");
                return ExitCodes.UsageError;
            }

            var options = backend with { TaskHubName = parse.GetValue(taskHub)!, PartitionCount = parse.GetValue(partitions) };
            var items = DurableRunOptions.ItemStoreFor(parse.GetValue(itemsFolder), parse.GetValue(storage));
            await using var api = ApiHistoryFor(options);
            var history = api?.GetRequiredService<IExecutionHistoryStore>();
            var catalog = DurableTaskCatalog.ForStateMachines(
                tasks, new ExecutionPlanCache(), history is null ? null : history.SinkFor, items,
                mapRunChildren: api is null ? null : Runtime.Api.MapRuns.MapRunApiHooks.ChildRecorder(api))
                .WithTerminated(api is null ? null : Runtime.Api.MapRuns.MapRunApiHooks.TerminationRecorder(api));
            return await RunAsync(options, catalog, stdout, stderr, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// The API's stores on the task hub's account, so the executions this worker runs record their history and closing
    /// where <c>asl serve --storage</c> on the same task hub reads them (ListExecutions trusts the execution index);
    /// <c>null</c> without an Azure Storage account.
    /// </summary>
    private static ServiceProvider? ApiHistoryFor(SelfHostOptions options)
    {
        if (options.Backend != DurableBackend.AzureStorage || options.StorageConnectionString is not { } connection)
        {
            return null;
        }

        ServiceCollection services = new();
        services.AddLogging();
        services.AddStepFunctionsApi();
        services.AddStepFunctionsApiStorage(connection, options.TaskHubName);
        return services.BuildServiceProvider();
    }

    private static async Task<int> RunAsync(SelfHostOptions options, DurableTaskCatalog catalog, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        DurableSelfHost host;
        try
        {
            host = await DurableSelfHost.StartAsync(
                options, catalog, NullLoggerFactory.Instance, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Azure.RequestFailedException or AggregateException)
        {
            stderr.WriteLine($"error: the worker could not start on task hub '{options.TaskHubName}': {e.Message}");
            return ExitCodes.UsageError;
        }

        await using (host)
        {
            lock (stdout)
            {
                stdout.WriteLine($"worker ready: task hub {options.TaskHubName}, {options.PartitionCount} partitions, process {Environment.ProcessId}");
                stdout.Flush();
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop polling; in-flight work items go back to the task hub for the other workers.
            }
        }

        return ExitCodes.Ok;
    }

    private static ITaskHandler? ReadTasks(string? mockConfig, string? testCase, string? stateMachineName, ITaskHandler fallback, TextWriter stderr)
    {
        if (mockConfig is null)
        {
            if (testCase is null)
            {
                return fallback;
            }

            stderr.WriteLine("error: --test-case needs --mock-config.");
            return null;
        }

        if (testCase is null)
        {
            stderr.WriteLine("error: --mock-config needs --test-case.");
            return null;
        }

        if (!CliInputs.TryReadFile(mockConfig, "mock configuration", stderr, out var text))
        {
            return null;
        }

        try
        {
            // The mock counts invocations per state in a dictionary: one call at a time (mocks answer synchronously).
            return new SerializedTaskHandler(new MockTaskHandler(MockConfiguration.Parse(text).GetTestCase(stateMachineName, testCase), fallback));
        }
        catch (FormatException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return null;
        }
    }

    /// <summary>Enters the inner handler one call at a time (activities run concurrently in a worker; mocks answer synchronously).</summary>
    private sealed class SerializedTaskHandler(ITaskHandler inner) : ITaskHandler
    {
        private readonly Lock gate = new();

        public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            lock (gate)
            {
                return inner.InvokeAsync(invocation);
            }
        }
    }

    /// <summary>Prints a line per Task state attempt, then runs it.</summary>
    private sealed class TracingTaskHandler(ITaskHandler inner, TextWriter stdout) : ITaskHandler
    {
        public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            lock (stdout)
            {
                stdout.WriteLine($"task {invocation.ExecutionId} {invocation.StateName} {invocation.RetryCount}");
                stdout.Flush();
            }

            return inner.InvokeAsync(invocation);
        }
    }
}
