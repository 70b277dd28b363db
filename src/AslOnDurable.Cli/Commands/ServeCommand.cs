using System.CommandLine;
using System.Net;
using System.Text.RegularExpressions;
using AslOnDurable.Cli.WebConsole;
using AslOnDurable.WebConsole;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Integrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Cli.Commands;

/// <summary>
/// <c>asl serve [--port N] [--host ADDR] [--storage CONN|azurite] [--items-folder DIR] [--integrations FILE] [--handlers DLL] [--failover-seconds N]
/// [--handover-grace-seconds N] [--handover-settle-seconds N]</c>:
/// the AWS Step Functions API (AWS JSON 1.0,
/// <c>POST /</c> with <c>X-Amz-Target</c>) on Kestrel over a durable self-host, so the AWS CLI and SDKs work with
/// <c>--endpoint-url</c>, and the web console on <c>GET /</c>. Loopback only; prints one <c>serving http://ADDR:PORT</c> line when ready and stops cleanly on
/// Ctrl+C or SIGTERM. With <c>--integrations</c>, Task states reach the configured services; Task resources they cannot serve
/// are <c>WARNING</c> diagnostics of ValidateStateMachineDefinition and <c>warning:</c> lines on stderr when
/// CreateStateMachine or UpdateStateMachine accepts the definition.
/// On Ctrl+C or SIGTERM with <c>--storage</c>, the durable worker hands its work over before it stops: it takes no new
/// activities, gives those running 10 s (<c>--handover-grace-seconds</c>) to finish and their completions 5 s
/// (<c>--handover-settle-seconds</c>) to be processed before it stops, and abandons the
/// rest, which the next server or worker on the task hub runs within seconds; its partitions are released at once.
/// A server that dies without stopping is taken over once its leases expire and its messages become visible again
/// (30 s / 5 min by default, <c>--failover-seconds N</c> for both, as for <c>asl worker</c>).
/// </summary>
internal static partial class ServeCommand
{
    /// <summary>The port when none is given (the one Step Functions Local uses).</summary>
    public const int DefaultPort = 8083;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The TCP port (0 picks a free one).", DefaultValueFactory = _ => DefaultPort };
        var host = new Option<string>("--host") { Description = "The address to bind: a loopback address or 'localhost'.", DefaultValueFactory = _ => "127.0.0.1" };
        var storage = new Option<string?>("--storage")
        {
            Description = "Run executions on an Azure Storage task hub: a connection string, or 'azurite' for the local emulator on its default ports "
                + "(default: the embedded in-memory backend).",
        };
        var taskHub = new Option<string>("--task-hub") { Description = "The task hub name with --storage (3-45 letters or digits).", DefaultValueFactory = _ => "asl" };
        var region = new Option<string>("--region") { Description = "The region in the ARNs issued.", DefaultValueFactory = _ => new ApiOptions().Region };
        var account = new Option<string>("--account") { Description = "The 12-digit account id in the ARNs issued.", DefaultValueFactory = _ => new ApiOptions().AccountId };
        var itemsFolder = new Option<string?>("--items-folder")
        {
            Description = "The folder standing in for a storage account for distributed Map ItemReader/ResultWriter, containers as sub-folders "
                + "(default: the --storage account's Blob Storage; without --storage, none).",
        };
        var integrations = new Option<string?>("--integrations")
        {
            Description = "The integrations configuration (JSON): the services Task states call; resources it cannot serve are reported as warnings.",
        };
        var handlers = CliInputs.HandlersOption();
        var failover = CliInputs.FailoverOption();
        var handOverGrace = CliInputs.HandOverGraceOption();
        var handOverSettle = CliInputs.HandOverSettleOption();
        var command = new Command("serve", "Serve the AWS Step Functions API (for the AWS CLI and SDKs with --endpoint-url) until stopped.")
        {
            port, host, storage, taskHub, region, account, itemsFolder, integrations, handlers, failover, handOverGrace, handOverSettle,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (!TryReadAddress(parse.GetValue(host)!, out IPAddress? address, stderr))
            {
                return ExitCodes.UsageError;
            }

            int portNumber = parse.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                stderr.WriteLine("error: --port must be between 0 and 65535.");
                return ExitCodes.UsageError;
            }

            var api = new ApiOptions { Region = parse.GetValue(region)!, AccountId = parse.GetValue(account)! };
            if (!RegionPattern().IsMatch(api.Region) || !AccountPattern().IsMatch(api.AccountId))
            {
                stderr.WriteLine("error: --region must look like us-east-1 and --account must be 12 digits.");
                return ExitCodes.UsageError;
            }

            if (parse.GetValue(itemsFolder) is { } folder && !Directory.Exists(folder))
            {
                stderr.WriteLine($"error: the items folder '{folder}' does not exist.");
                return ExitCodes.UsageError;
            }

            Action<IServiceCollection>? tasks = null;
            if (parse.GetValue(integrations) is not null || parse.GetValue(handlers) is { Length: > 0 })
            {
                if (CliInputs.ReadIntegrations(parse.GetValue(integrations), stderr) is not { } configuration
                    || CliInputs.ReadHandlers(configuration, parse.GetValue(handlers) ?? [], stderr) is not { } dotNetHandlers)
                {
                    return ExitCodes.UsageError;
                }

                tasks = services => services.AddSingleton(dotNetHandlers).AddAslIntegrations(configuration);
            }

            if (parse.GetValue(failover) is not null && parse.GetValue(storage) is null)
            {
                stderr.WriteLine("error: --failover-seconds applies only with --storage (the embedded backend has no other worker to fail over to).");
                return ExitCodes.UsageError;
            }

            if ((parse.GetValue(handOverGrace) is not null || parse.GetValue(handOverSettle) is not null) && parse.GetValue(storage) is null)
            {
                stderr.WriteLine("error: --handover-grace-seconds and --handover-settle-seconds apply only with --storage (the embedded backend hands nothing over).");
                return ExitCodes.UsageError;
            }

            var backend = CliInputs.WithFailover(DurableRunOptions.BackendFor(parse.GetValue(storage)), parse.GetValue(failover), stderr);
            backend = backend is null ? null : CliInputs.WithHandOver(backend, parse.GetValue(handOverGrace), parse.GetValue(handOverSettle), stderr);
            if (backend is null)
            {
                return ExitCodes.UsageError;
            }

            backend = backend with { TaskHubName = parse.GetValue(taskHub)! };
            var items = parse.GetValue(itemsFolder) is { } itemsPath ? new Runtime.Storage.FolderItemStore(itemsPath) : null;
            return await RunAsync(new IPEndPoint(address, portNumber), backend, api, stdout, stderr, cancellationToken, items, tasks);
        });
        return command;
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="endpoint">Where to listen.</param>
    /// <param name="backend">The durable backend.</param>
    /// <param name="api">The region and account of ARNs.</param>
    /// <param name="stdout">Where the <c>serving</c> line goes.</param>
    /// <param name="stderr">Where errors and definition warnings go.</param>
    /// <param name="cancellationToken">Stops serving.</param>
    /// <param name="itemStore">Distributed Map item storage, or <see langword="null"/>.</param>
    /// <param name="tasks">Registers what Task states run through (the integrations), or <see langword="null"/>.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        IPEndPoint endpoint, SelfHostOptions backend, ApiOptions api, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken,
        Core.Engine.Items.IItemStore? itemStore = null, Action<IServiceCollection>? tasks = null)
    {
        StepFunctionsSelfHost selfHost;
        try
        {
            selfHost = await StepFunctionsSelfHost.StartAsync(backend, api, new Output.DefinitionWarningsLog(stderr), cancellationToken, itemStore, tasks);
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Azure.RequestFailedException or AggregateException)
        {
            stderr.WriteLine($"error: the durable backend could not start on task hub '{backend.TaskHubName}': {e.Message}");
            return ExitCodes.UsageError;
        }

        await using (selfHost)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(endpoint));
            await using var app = builder.Build();
            app.MapPost("/", (HttpContext context) => HandleAsync(context, selfHost));
            WebConsoleEndpoints.Map(app, WebConsoleAssets.Load(WebConsoleApi.SameOrigin));
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                stderr.WriteLine($"error: cannot listen on {endpoint}: {e.Message}");
                return ExitCodes.UsageError;
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Ok;
            }

            string url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            lock (stdout)
            {
                stdout.WriteLine($"serving {url} (Step Functions API and web console, {(backend.Backend == DurableBackend.InMemory ? "embedded in-memory backend" : "task hub " + backend.TaskHubName)})");
                stdout.Flush();
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop accepting requests, then stop the durable worker.
            }

            await app.StopAsync(CancellationToken.None);
        }

        return ExitCodes.Ok;
    }

    private static async Task HandleAsync(HttpContext context, StepFunctionsSelfHost selfHost)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        ApiResponse response = await selfHost.DispatchAsync(context.Request.Headers["X-Amz-Target"].FirstOrDefault(), body, context.RequestAborted);
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = StepFunctionsDispatcher.ContentType;
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    private static bool TryReadAddress(string text, out IPAddress address, TextWriter stderr)
    {
        address = IPAddress.Loopback;
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!IPAddress.TryParse(text, out IPAddress? parsed))
        {
            stderr.WriteLine($"error: --host must be an IP address or 'localhost', not '{text}'.");
            return false;
        }

        if (!IPAddress.IsLoopback(parsed))
        {
            stderr.WriteLine($"error: --host {text} is not a loopback address: serving other hosts needs AWS Signature Version 4 checks, "
                + "which asl serve does not have yet.");
            return false;
        }

        address = parsed;
        return true;
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();
}
