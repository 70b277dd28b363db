using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Scheduling;

namespace AslOnDurable.Cli.Commands;

/// <summary>
/// <c>asl schedules &lt;file&gt;</c>: checks a schedules file (EventBridge Scheduler's shape) and lists each schedule
/// with its next occurrences, so a cron or rate expression can be verified before it is deployed.
/// </summary>
internal static class SchedulesCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="stdoutIsRedirected">Picks the default format: json when redirected, human on a terminal.</param>
    /// <param name="time">The clock (the default start of the listing).</param>
    public static Command Create(bool stdoutIsRedirected, TimeProvider time)
    {
        var file = new Argument<string>("file") { Description = "The schedules file (JSON: {\"Schedules\": [...]})." };
        var from = new Option<string?>("--from") { Description = "List occurrences after this timestamp (default: now), e.g. 2027-01-01T00:00:00Z." };
        var count = new Option<int>("--count")
        {
            Description = "Occurrences to list per schedule (1-100).",
            DefaultValueFactory = _ => 5,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: human or json.",
            DefaultValueFactory = _ => stdoutIsRedirected ? "json" : "human",
        };
        format.AcceptOnlyFromAmong("json", "human");
        var command = new Command("schedules", "Check a schedules file and list the next occurrences of each schedule.") { file, from, count, format };
        command.SetAction(parse => Execute(
            parse.GetValue(file)!,
            parse.GetValue(from),
            parse.GetValue(count),
            parse.GetValue(format) ?? "human",
            time,
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(string path, string? fromText, int count, string format, TimeProvider time, TextWriter stdout, TextWriter stderr)
    {
        if (count is < 1 or > 100)
        {
            stderr.WriteLine("error: --count must be from 1 to 100");
            return ExitCodes.UsageError;
        }

        DateTimeOffset from = time.GetUtcNow();
        if (fromText is not null && !DateTimeOffset.TryParse(fromText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out from))
        {
            stderr.WriteLine($"error: --from '{fromText}' is not a timestamp (e.g. 2027-01-01T00:00:00Z)");
            return ExitCodes.UsageError;
        }

        if (!CliInputs.TryReadFile(path, "schedules file", stderr, out string text))
        {
            return ExitCodes.UsageError;
        }

        ScheduleConfiguration configuration;
        try
        {
            configuration = ScheduleConfiguration.Parse(text);
        }
        catch (ScheduleConfigurationException ex)
        {
            foreach (string problem in ex.Problems)
            {
                stderr.WriteLine($"error: {path}: {problem}");
            }

            return ExitCodes.UsageError;
        }

        var schedules = new JsonArray();
        foreach (Schedule schedule in configuration.Schedules)
        {
            // Listing looks far ahead (yearly and one-time schedules), bounded by the count.
            var next = ScheduleRunner.Slots(schedule, from, from.AddYears(250)).Take(count).ToList();
            if (format == "json")
            {
                var occurrences = new JsonArray();
                foreach (ScheduledStart slot in next)
                {
                    occurrences.Add(slot.ScheduledTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                schedules.Add(new JsonObject
                {
                    ["Name"] = schedule.Name,
                    ["Arn"] = schedule.Arn,
                    ["State"] = schedule.Enabled ? "ENABLED" : "DISABLED",
                    ["ScheduleExpression"] = schedule.Expression.Text,
                    ["ScheduleExpressionTimezone"] = schedule.TimeZone.Id,
                    ["Target"] = schedule.Target.Arn,
                    ["NextInvocations"] = occurrences,
                });
                continue;
            }

            stdout.WriteLine($"{schedule.Name}  {schedule.Expression.Text}  {schedule.TimeZone.Id}  {(schedule.Enabled ? "ENABLED" : "DISABLED")}  -> {schedule.Target.Arn}");
            if (next.Count == 0)
            {
                stdout.WriteLine("  (no further invocations)");
            }

            foreach (ScheduledStart slot in next)
            {
                DateTimeOffset local = TimeZoneInfo.ConvertTime(slot.ScheduledTime, schedule.TimeZone);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {slot.ScheduledTime.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}  ({local:yyyy-MM-dd HH:mm zzz} local)  {slot.ExecutionName}"));
            }
        }

        if (format == "json")
        {
            stdout.WriteLine(new JsonObject { ["Schedules"] = schedules }.ToJsonString(Output.ExecutionResultWriter.Compact));
        }

        return ExitCodes.Ok;
    }
}
