using System.CommandLine;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Cli.Commands;

/// <summary><c>asl validate &lt;definition&gt;</c>: prints every diagnostic; exits 1 when there are errors.</summary>
internal static class ValidateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var definition = new Argument<string>("definition") { Description = "The state machine definition (ASL JSON file)." };
        var command = new Command("validate", "Check a definition and print its diagnostics (code, location, message).") { definition };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var result = CliInputs.ReadDefinition(parse.GetValue(definition)!, stderr);
            if (result is null)
            {
                return ExitCodes.UsageError;
            }

            CliInputs.WriteDiagnostics(result.Diagnostics, stdout);
            var errors = 0;
            foreach (var d in result.Diagnostics)
            {
                errors += d.Severity == DiagnosticSeverity.Error ? 1 : 0;
            }

            if (errors > 0 || !result.IsValid)
            {
                stdout.WriteLine($"invalid: {errors} error(s)");
                return ExitCodes.InvalidDefinition;
            }

            stdout.WriteLine("valid");
            return ExitCodes.Ok;
        });
        return command;
    }
}
