using System.CommandLine;
using System.Diagnostics;
using AslOnDurable.Jsonata;
using AslOnDurable.Jsonata.Conformance;

namespace AslOnDurable.Cli.Commands;

/// <summary>
/// <c>asl jsonata</c>: evaluates a JSONata expression against an input (a quick way to try expressions), or with
/// <c>--jsonl</c> serves the JSON-lines protocol of the JSONata conformance driver on stdin/stdout.
/// </summary>
internal static class JsonataCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="stdin">Where <c>--jsonl</c> reads requests from.</param>
    public static Command Create(TextReader stdin)
    {
        var expression = new Argument<string?>("expression") { Description = "The JSONata expression (omit with --jsonl).", Arity = ArgumentArity.ZeroOrOne };
        var input = new Option<string?>("--input") { Description = "The input document: JSON text or @file." };
        var jsonl = new Option<bool>("--jsonl") { Description = "Serve one JSON request per stdin line ({\"id\",\"expr\",\"data\",\"bindings\"}) and answer one JSON line each." };
        var stepFunctions = new Option<bool>("--step-functions") { Description = "Step Functions mode: $eval is not available, as in AWS." };
        var command = new Command("jsonata", "Evaluate a JSONata expression, or serve JSON-lines requests with --jsonl.") { expression, input, jsonl, stepFunctions };
        command.SetAction(parse => Execute(
            parse.GetValue(expression),
            parse.GetValue(input),
            parse.GetValue(jsonl),
            parse.GetValue(stepFunctions),
            stdin,
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(string? expression, string? inputArgument, bool jsonl, bool stepFunctions, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        var environment = new JsonataEnvironment
        {
            StepFunctionsMode = stepFunctions,
            Clock = () => DateTimeOffset.UtcNow,
            Random = Random.Shared.NextDouble,
            ElapsedMilliseconds = () => clock.ElapsedMilliseconds,
        };
        if (jsonl)
        {
            new JsonLinesServer(environment, () => clock.ElapsedMilliseconds).Run(stdin, stdout);
            return ExitCodes.Ok;
        }

        if (string.IsNullOrWhiteSpace(expression))
        {
            stderr.WriteLine("error: give an expression, or --jsonl to serve requests on stdin");
            return ExitCodes.UsageError;
        }

        if (!CliInputs.TryReadJson(inputArgument ?? "null", "input", stderr, out var data))
        {
            return ExitCodes.UsageError;
        }

        try
        {
            var result = JsonataExpression.Compile(expression).Evaluate(data, null, environment);
            stdout.WriteLine(result.IsDefined ? result.ToJsonString() : "(undefined)");
            return ExitCodes.Ok;
        }
        catch (JsonataException e)
        {
            stderr.WriteLine($"error: {e.Code} at {e.Position}: {e.Message}");
            return ExitCodes.InvalidDefinition;
        }
    }
}
