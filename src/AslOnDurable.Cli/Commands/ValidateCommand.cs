using System.CommandLine;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Validation;
using AslOnDurable.Runtime.Integrations;

namespace AslOnDurable.Cli.Commands;

/// <summary><c>asl validate &lt;definition&gt;</c>: prints every diagnostic; exits 1 when there are errors.</summary>
internal static class ValidateCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="stdoutIsRedirected">Picks the default format: json when redirected, human on a terminal.</param>
    public static Command Create(bool stdoutIsRedirected)
    {
        var definition = new Argument<string>("definition") { Description = "The state machine definition (ASL JSON file)." };
        var format = new Option<string>("--format")
        {
            Description = "Output format: human (one line per diagnostic: severity, code, location, message) or json.",
            DefaultValueFactory = _ => stdoutIsRedirected ? "json" : "human",
        };
        format.AcceptOnlyFromAmong("json", "human");
        var integrations = new Option<string?>("--integrations")
        {
            Description = "Also check Task resources against this integrations configuration (JSON): unserved resources and unknown connections are warnings.",
        };
        var handlers = CliInputs.HandlersOption();
        var command = new Command("validate", "Check a definition and print its diagnostics (code, location, message).") { definition, format, integrations, handlers };
        command.SetAction(parse => Execute(
            parse.GetValue(definition)!,
            parse.GetValue(format) ?? "human",
            parse.GetValue(integrations),
            parse.GetValue(handlers) ?? [],
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(string definitionPath, string format, string? integrationsPath, string[] handlerAssemblies, TextWriter stdout, TextWriter stderr)
    {
        var result = CliInputs.ReadDefinition(definitionPath, stderr);
        if (result is null)
        {
            return ExitCodes.UsageError;
        }

        if (integrationsPath is not null || handlerAssemblies.Length > 0)
        {
            if (CliInputs.ReadIntegrations(integrationsPath, stderr) is not { } integrations
                || CliInputs.ReadHandlers(integrations, handlerAssemblies, stderr) is not { } handlers)
            {
                return ExitCodes.UsageError;
            }

            if (result.Definition is { } parsed)
            {
                using var client = TaskIntegrations.CreateHttpClient();
                var registry = TaskIntegrations.Create(integrations, InMemoryStateMachineRegistry.Empty, client, TimeProvider.System, handlers);
                result = result with { Diagnostics = [.. result.Diagnostics, .. IntegrationDiagnostics.Check(parsed, registry, integrations, handlers)] };
            }
        }

        var errors = 0;
        foreach (var d in result.Diagnostics)
        {
            errors += d.Severity == DiagnosticSeverity.Error ? 1 : 0;
        }

        var valid = errors == 0 && result.IsValid;
        if (format == "json")
        {
            var diagnostics = new JsonArray();
            foreach (var d in result.Diagnostics)
            {
                diagnostics.Add(new JsonObject
                {
                    ["severity"] = d.Severity == DiagnosticSeverity.Error ? "error" : "warning",
                    ["code"] = d.Code,
                    ["location"] = d.Location,
                    ["message"] = d.Message,
                });
            }

            stdout.WriteLine(new JsonObject { ["valid"] = valid, ["diagnostics"] = diagnostics }.ToJsonString(Output.ExecutionResultWriter.Compact));
        }
        else
        {
            CliInputs.WriteDiagnostics(result.Diagnostics, stdout);
            stdout.WriteLine(valid ? "valid" : $"invalid: {errors} error(s)");
        }

        return valid ? ExitCodes.Ok : ExitCodes.InvalidDefinition;
    }
}
