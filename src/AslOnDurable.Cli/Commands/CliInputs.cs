using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Validation;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.DotNet;

namespace AslOnDurable.Cli.Commands;

/// <summary>Reads what commands take from files and arguments, turning every problem into one clear line.</summary>
internal static class CliInputs
{
    /// <summary>Reads a text file or reports why not.</summary>
    public static bool TryReadFile(string path, string what, TextWriter stderr, out string text)
    {
        try
        {
            text = File.ReadAllText(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"error: cannot read {what} '{path}': {e.Message}");
            text = "";
            return false;
        }
    }

    /// <summary>Parses JSON given inline or as <c>@file</c>.</summary>
    public static bool TryReadJson(string? argument, string what, TextWriter stderr, out JsonNode? value)
    {
        value = null;
        var text = argument ?? "{}";
        if (text.StartsWith('@'))
        {
            if (!TryReadFile(text[1..], what + " file", stderr, out text))
            {
                return false;
            }
        }

        try
        {
            value = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 512 });
            return true;
        }
        catch (JsonException e)
        {
            stderr.WriteLine($"error: the {what} is not valid JSON: {e.Message}");
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
                WriteDiagnostics(parsed.Diagnostics, stderr);
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
    public static ParseResult? ReadDefinition(string path, TextWriter stderr)
    {
        if (!TryReadFile(path, "definition file", stderr, out var text))
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
}
