using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Validation;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.DotNet;

using AslOnDurable.Runtime.Hosting;

namespace AslOnDurable.Cli.Commands;

/// <summary>Reads what commands take from files and arguments, turning every problem into one clear line.</summary>
internal static class CliInputs
{
    /// <summary>
    /// The most a definition, mock configuration or JSONata input file may hold: 4 MiB (AWS limits a definition to
    /// 1 MB). Reading stops there, so <c>/dev/zero</c> or a huge file is refused without being loaded.
    /// </summary>
    public const long MaxFileBytes = 4L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a UTF-8 text file of at most <paramref name="maxBytes"/> bytes, or reports why not in one line.</summary>
    public static bool TryReadFile(string path, string what, TextWriter stderr, out string text, long maxBytes = MaxFileBytes)
    {
        text = "";
        if (path.Length == 0)
        {
            stderr.WriteLine($"error: no {what} name given.");
            return false;
        }

        if (Directory.Exists(path))
        {
            stderr.WriteLine($"error: the {what} '{path}' is a directory, not a file.");
            return false;
        }

        byte[] bytes;
        try
        {
            if (!TryReadBounded(path, maxBytes, out bytes))
            {
                stderr.WriteLine($"error: the {what} '{path}' is larger than the limit of {maxBytes} bytes.");
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"error: cannot read {what} '{path}': {e.Message}");
            return false;
        }

        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            stderr.WriteLine($"error: the {what} '{path}' is UTF-16 text; save it as UTF-8.");
            return false;
        }

        try
        {
            var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            return true;
        }
        catch (DecoderFallbackException)
        {
            stderr.WriteLine($"error: the {what} '{path}' is not UTF-8 text.");
            return false;
        }
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> bytes; false (having read one chunk past it) when the file is longer.</summary>
    private static bool TryReadBounded(string path, long maxBytes, out byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                bytes = [];
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        bytes = buffer.ToArray();
        return true;
    }

    /// <summary>Parses JSON given inline or as <c>@file</c> (read up to <paramref name="maxFileBytes"/>) with the engine's rules (<see cref="StrictJson"/>).</summary>
    public static bool TryReadJson(string? argument, string what, TextWriter stderr, out JsonNode? value, long maxFileBytes = MaxFileBytes)
    {
        value = null;
        var text = argument ?? "{}";
        if (text.StartsWith('@'))
        {
            if (text.Length == 1)
            {
                stderr.WriteLine($"error: --{what} @ needs a file name after the @.");
                return false;
            }

            if (!TryReadFile(text[1..], what + " file", stderr, out text, maxFileBytes))
            {
                return false;
            }
        }

        try
        {
            value = StrictJson.Parse(text);
            return true;
        }
        catch (JsonException e)
        {
            stderr.WriteLine($"error: the {what} is not valid JSON: {AslApplication.OneLine(e.Message)}");
            return false;
        }
    }

    /// <summary>
    /// Reads <c>--state-machine NAME=path</c> values and the <c>--integrations FILE</c> configuration into the handlers
    /// Task states fall back to when no mock answers (<see cref="TaskIntegrations.Create"/>): the Step Functions
    /// integration <c>states:startExecution</c> over a registry of those definitions, registered under the engine's
    /// default account and region (<c>arn:aws:states:us-east-1:123456789012:stateMachine:NAME</c>), the HTTP task, ….
    /// </summary>
    /// <returns>The handlers, or <c>null</c> after printing why not.</returns>
    public static TaskHandlerRegistry? ReadStateMachines(
        IEnumerable<string> values, TextWriter stderr, string? integrationsPath = null, IReadOnlyList<string>? handlerAssemblies = null)
    {
        if (ReadIntegrations(integrationsPath, stderr) is not { } integrations
            || ReadHandlers(integrations, handlerAssemblies ?? [], stderr) is not { } handlers)
        {
            return null;
        }

        var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
        var arnPrefix = new ExecutionRequest().ArnPrefix;
        foreach (var value in values)
        {
            var split = value.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0 || split == value.Length - 1)
            {
                stderr.WriteLine($"error: --state-machine takes NAME=path, not '{value}'.");
                return null;
            }

            var name = value[..split];
            var path = value[(split + 1)..];
            if (!TryReadFile(path, "state machine definition", stderr, out var text))
            {
                return null;
            }

            var parsed = DefinitionParser.Parse(text);
            if (parsed.Definition is null)
            {
                stderr.WriteLine($"error: the definition of state machine '{name}' ('{path}') is invalid:");
                WriteDiagnosticSummary(parsed.Diagnostics, stderr);
                return null;
            }

            definitions[StateMachineArn.Format(arnPrefix, name)] = text;
        }

        return TaskIntegrations.Create(integrations, new InMemoryStateMachineRegistry(definitions), TaskIntegrations.CreateHttpClient(), TimeProvider.System, handlers);
    }

    /// <summary>Loads the .NET handlers of <c>--handlers</c> and the configuration's <c>handlerAssemblies</c>, printing every problem.</summary>
    /// <returns>The handlers, or <c>null</c> after printing why not.</returns>
    public static DotNetHandlers? ReadHandlers(IntegrationsConfiguration integrations, IReadOnlyList<string> handlerAssemblies, TextWriter stderr)
    {
        try
        {
            return new DotNetHandlers(HandlerAssemblyLoader.Load([.. integrations.HandlerAssemblies, .. handlerAssemblies]));
        }
        catch (IntegrationsConfigurationException e)
        {
            stderr.WriteLine("error: the .NET handlers cannot be loaded:");
            foreach (var problem in e.Problems)
            {
                stderr.WriteLine("  " + problem);
            }

            return null;
        }
    }

    /// <summary>The <c>--failover-seconds</c> option of <c>asl worker</c> and <c>asl serve --storage</c>.</summary>
    /// <returns>The option.</returns>
    public static System.CommandLine.Option<int?> FailoverOption() => new("--failover-seconds")
    {
        Description = "How soon other workers take over from a worker that died: partition lease length and message visibility timeout, "
            + "in seconds (default: the provider's 30 s leases and 5 min visibility). Keep it above the longest activity call.",
    };

    /// <summary>
    /// Applies <c>--failover-seconds N</c> to a task hub's options: leases of N s and messages invisible for N s, or a usage
    /// error when N is not positive.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <param name="seconds">N, or <c>null</c> for the provider's defaults.</param>
    /// <param name="stderr">Where the usage error goes.</param>
    /// <returns>The options, or <c>null</c> after printing why not.</returns>
    public static SelfHostOptions? WithFailover(SelfHostOptions options, int? seconds, TextWriter stderr)
    {
        if (seconds is <= 0)
        {
            stderr.WriteLine("error: --failover-seconds must be positive.");
            return null;
        }

        return seconds is not { } s ? options : options with
        {
            PartitionLeaseInterval = TimeSpan.FromSeconds(s),
            MessageVisibilityTimeout = TimeSpan.FromSeconds(s),
        };
    }

    /// <summary>The most seconds <c>--handover-grace-seconds</c> and <c>--handover-settle-seconds</c> may add up to: the
    /// whole stop must end within <see cref="AslApplication.StopTimeout"/> (60 s), which also covers the forced stop after it.</summary>
    public const int MaxHandOverSeconds = 50;

    /// <summary>The <c>--handover-grace-seconds</c> option of <c>asl worker</c> and <c>asl serve --storage</c>.</summary>
    /// <returns>The option.</returns>
    public static System.CommandLine.Option<int?> HandOverGraceOption() => new("--handover-grace-seconds")
    {
        Description = "On Ctrl+C/SIGTERM, how long task calls running here may take to finish before they are given back to the task hub "
            + "for another worker (default 10).",
    };

    /// <summary>The <c>--handover-settle-seconds</c> option of <c>asl worker</c> and <c>asl serve --storage</c>.</summary>
    /// <returns>The option.</returns>
    public static System.CommandLine.Option<int?> HandOverSettleOption() => new("--handover-settle-seconds")
    {
        Description = "On Ctrl+C/SIGTERM, how long the results of the task calls that finished may then take to be recorded here (default 5).",
    };

    /// <summary>
    /// Applies <c>--handover-grace-seconds</c> and <c>--handover-settle-seconds</c> (either may be left out: its default
    /// stays), or a usage error when one is negative or both add up to more than <see cref="MaxHandOverSeconds"/>.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <param name="grace">The grace in seconds, or <c>null</c> for the default.</param>
    /// <param name="settle">The settle time in seconds, or <c>null</c> for the default.</param>
    /// <param name="stderr">Where the usage error goes.</param>
    /// <returns>The options, or <c>null</c> after printing why not.</returns>
    public static SelfHostOptions? WithHandOver(SelfHostOptions options, int? grace, int? settle, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stderr);
        if (grace is < 0 || settle is < 0)
        {
            stderr.WriteLine("error: --handover-grace-seconds and --handover-settle-seconds must not be negative.");
            return null;
        }

        SelfHostOptions result = options with
        {
            HandOverGrace = grace is { } g ? TimeSpan.FromSeconds(g) : options.HandOverGrace,
            HandOverSettle = settle is { } s ? TimeSpan.FromSeconds(s) : options.HandOverSettle,
        };
        if ((result.HandOverGrace + result.HandOverSettle).TotalSeconds > MaxHandOverSeconds)
        {
            stderr.WriteLine($"error: --handover-grace-seconds and --handover-settle-seconds may add up to {MaxHandOverSeconds} at most "
                + $"(a stop has {AslApplication.StopTimeout.TotalSeconds:0} s before the process is ended).");
            return null;
        }

        return result;
    }

    /// <summary>The <c>--handlers</c> option: plugin assemblies with .NET task handlers.</summary>
    public static System.CommandLine.Option<string[]> HandlersOption() => new("--handlers")
    {
        Description = "A plugin assembly (.dll) whose public IAslTaskHandler classes Task states can call by Lambda function name. Repeatable.",
    };

    /// <summary>Reads <c>--integrations FILE</c> (none: an empty configuration), printing every problem.</summary>
    /// <returns>The configuration, or <c>null</c> after printing why not.</returns>
    public static IntegrationsConfiguration? ReadIntegrations(string? path, TextWriter stderr)
    {
        if (path is null)
        {
            return IntegrationsConfiguration.Empty;
        }

        try
        {
            return IntegrationsSettings.ReadFile(path, Environment.GetEnvironmentVariable);
        }
        catch (IntegrationsConfigurationException e)
        {
            stderr.WriteLine($"error: the integrations configuration '{path}' is invalid:");
            foreach (var problem in e.Problems)
            {
                stderr.WriteLine("  " + problem);
            }

            return null;
        }
    }

    /// <summary>Parses and validates a definition file, printing diagnostics when it is invalid.</summary>
    public static ParseResult? ReadDefinition(string path, TextWriter stderr) => ReadDefinition(path, stderr, out _);

    /// <summary>Parses and validates a definition file, also giving its text (read once, within <see cref="MaxFileBytes"/>).</summary>
    public static ParseResult? ReadDefinition(string path, TextWriter stderr, out string text)
    {
        if (!TryReadFile(path, "definition file", stderr, out text))
        {
            return null;
        }

        return DefinitionParser.Parse(text);
    }

    /// <summary>Writes diagnostics one per line: <c>severity CODE location: message</c>.</summary>
    public static void WriteDiagnostics(IEnumerable<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (var d in diagnostics)
        {
            var severity = d.Severity == DiagnosticSeverity.Error ? "error" : "warning";
            writer.WriteLine($"{severity} {d.Code} {(d.Location.Length == 0 ? "/" : d.Location)}: {d.Message}");
        }
    }

    /// <summary>The most diagnostics a command that cannot run prints (<c>asl validate</c> prints them all).</summary>
    public const int MaxSummarisedDiagnostics = 20;

    /// <summary>
    /// A summary for commands that refuse an invalid definition: the first <see cref="MaxSummarisedDiagnostics"/>
    /// errors, each cut to one line of at most 500 characters, and how many more there are.
    /// </summary>
    public static void WriteDiagnosticSummary(IReadOnlyList<Diagnostic> diagnostics, TextWriter writer)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var d in errors.Take(MaxSummarisedDiagnostics))
        {
            writer.WriteLine(AslApplication.OneLine($"error {d.Code} {(d.Location.Length == 0 ? "/" : d.Location)}: {d.Message}"));
        }

        if (errors.Count > MaxSummarisedDiagnostics)
        {
            writer.WriteLine($"… and {errors.Count - MaxSummarisedDiagnostics} more errors ('asl validate' lists them all).");
        }
    }
}
