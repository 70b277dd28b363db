using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AslOnDurable.Runtime.Scheduling;

/// <summary>
/// The schedules a host serves, read from JSON in EventBridge Scheduler's <c>CreateSchedule</c> shape:
/// <code>
/// {"MissedRunWindowMinutes": 15, "Region": "us-east-1", "AccountId": "123456789012",
///  "Schedules": [{"Name": "nightly", "ScheduleExpression": "cron(0 2 * * ? *)",
///                 "ScheduleExpressionTimezone": "Europe/Berlin", "State": "ENABLED",
///                 "StartDate": "2027-01-01T00:00:00Z", "EndDate": null,
///                 "FlexibleTimeWindow": {"Mode": "OFF"},
///                 "Target": {"Arn": "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
///                            "Input": "{\"at\": \"&lt;aws.scheduler.scheduled-time&gt;\"}"}}]}
/// </code>
/// </summary>
/// <remarks>
/// Missed runs: every tick starts the slots that fell due within the last <see cref="MissedRunWindow"/> (default 15
/// minutes) and have not started yet; slots older than that (the app was down longer) are skipped and reported. Only
/// <c>FlexibleTimeWindow</c> mode OFF is supported.
/// </remarks>
public sealed partial record ScheduleConfiguration
{
    /// <summary>The default <see cref="MissedRunWindow"/>.</summary>
    public static readonly TimeSpan DefaultMissedRunWindow = TimeSpan.FromMinutes(15);

    /// <summary>The schedules, in file order.</summary>
    public required IReadOnlyList<Schedule> Schedules { get; init; }

    /// <summary>How far back a tick looks for slots that have not started yet.</summary>
    public TimeSpan MissedRunWindow { get; init; } = DefaultMissedRunWindow;

    /// <summary>No schedules.</summary>
    public static ScheduleConfiguration Empty { get; } = new() { Schedules = [] };

    /// <summary>Reads a configuration, reporting every problem at once.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ScheduleConfigurationException">The JSON is malformed or describes invalid schedules.</exception>
    public static ScheduleConfiguration Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new ScheduleConfigurationException($"/: not valid JSON ({ex.Message})");
        }

        using (document)
        {
            var problems = new List<string>();
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ScheduleConfigurationException("/: must be an object with \"Schedules\"");
            }

            TimeSpan window = DefaultMissedRunWindow;
            if (root.TryGetProperty("MissedRunWindowMinutes", out JsonElement windowElement))
            {
                if (windowElement.TryGetInt32(out int minutes) && minutes is >= 1 and <= 10080)
                {
                    window = TimeSpan.FromMinutes(minutes);
                }
                else
                {
                    problems.Add("/MissedRunWindowMinutes: must be a whole number of minutes from 1 to 10080 (a week)");
                }
            }

            string region = OptionalString(root, "Region", "/Region", problems) ?? "us-east-1";
            string account = OptionalString(root, "AccountId", "/AccountId", problems) ?? "123456789012";
            var schedules = new List<Schedule>();
            if (!root.TryGetProperty("Schedules", out JsonElement list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add("/Schedules: required, an array of schedules");
            }
            else
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                int index = 0;
                foreach (JsonElement item in list.EnumerateArray())
                {
                    string at = "/Schedules/" + index.ToString(CultureInfo.InvariantCulture);
                    if (ReadSchedule(item, at, region, account, problems) is { } schedule)
                    {
                        if (seen.Add(schedule.GroupName + "/" + schedule.Name))
                        {
                            schedules.Add(schedule);
                        }
                        else
                        {
                            problems.Add($"{at}/Name: a schedule named '{schedule.Name}' already exists in group '{schedule.GroupName}'");
                        }
                    }

                    index++;
                }
            }

            if (problems.Count > 0)
            {
                throw new ScheduleConfigurationException(problems);
            }

            return new ScheduleConfiguration { Schedules = schedules, MissedRunWindow = window };
        }
    }

    private static Schedule? ReadSchedule(JsonElement item, string at, string region, string account, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}: must be an object");
            return null;
        }

        int before = problems.Count;
        string? name = RequiredString(item, "Name", at, problems);
        if (name is not null && !NamePattern().IsMatch(name))
        {
            problems.Add($"{at}/Name: must be 1-64 characters of 0-9 a-z A-Z - _ .");
        }

        string group = OptionalString(item, "GroupName", at + "/GroupName", problems) ?? "default";
        if (!NamePattern().IsMatch(group))
        {
            problems.Add($"{at}/GroupName: must be 1-64 characters of 0-9 a-z A-Z - _ .");
        }

        ScheduleExpression? expression = null;
        if (RequiredString(item, "ScheduleExpression", at, problems) is { } text)
        {
            try
            {
                expression = ScheduleExpression.Parse(text);
            }
            catch (ScheduleExpressionException ex)
            {
                problems.Add($"{at}/ScheduleExpression: {ex.Message}");
            }
        }

        TimeZoneInfo zone = TimeZoneInfo.Utc;
        if (OptionalString(item, "ScheduleExpressionTimezone", at + "/ScheduleExpressionTimezone", problems) is { } zoneId)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out TimeZoneInfo? found))
            {
                problems.Add($"{at}/ScheduleExpressionTimezone: unknown time zone '{zoneId}' (use an IANA name such as Europe/Berlin)");
            }
            else
            {
                zone = found;
            }
        }

        bool enabled = (OptionalString(item, "State", at + "/State", problems) ?? "ENABLED") switch
        {
            "ENABLED" => true,
            "DISABLED" => false,
            var other => Problem(problems, $"{at}/State: must be ENABLED or DISABLED, not '{other}'"),
        };
        DateTimeOffset? start = OptionalDate(item, "StartDate", at, problems);
        DateTimeOffset? end = OptionalDate(item, "EndDate", at, problems);
        if (start is { } s && end is { } e && e <= s)
        {
            problems.Add($"{at}/EndDate: must be after StartDate");
        }

        if (item.TryGetProperty("FlexibleTimeWindow", out JsonElement flexible)
            && !(flexible.ValueKind == JsonValueKind.Object && flexible.TryGetProperty("Mode", out JsonElement mode) && mode.ValueKind == JsonValueKind.String && mode.GetString() == "OFF"))
        {
            problems.Add($"{at}/FlexibleTimeWindow: only {{\"Mode\": \"OFF\"}} is supported (every slot starts at its time)");
        }

        ScheduleTarget? target = ReadTarget(item, at, problems);
        if (problems.Count > before || name is null || expression is null || target is null)
        {
            return null;
        }

        string arn = $"arn:aws:scheduler:{region}:{account}:schedule/{group}/{name}";
        string sample = ScheduleInputTemplate.Render(target.Input, arn, DateTimeOffset.UnixEpoch, ScheduleExecutionName.For(name, DateTimeOffset.UnixEpoch));
        try
        {
            using var _ = JsonDocument.Parse(sample, new JsonDocumentOptions { MaxDepth = 512 });
        }
        catch (JsonException ex)
        {
            problems.Add($"{at}/Target/Input: not valid JSON once its placeholders are replaced ({ex.Message})");
            return null;
        }

        return new Schedule
        {
            Name = name,
            GroupName = group,
            Expression = expression,
            TimeZone = zone,
            Enabled = enabled,
            StartDate = start,
            EndDate = end,
            Target = target,
            Arn = arn,
        };
    }

    private static ScheduleTarget? ReadTarget(JsonElement item, string at, List<string> problems)
    {
        if (!item.TryGetProperty("Target", out JsonElement target) || target.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}/Target: required, an object with \"Arn\" (the state machine) and optional \"Input\"");
            return null;
        }

        string? arn = RequiredString(target, "Arn", at + "/Target", problems);
        if (arn is not null && !arn.StartsWith("arn:aws:states:", StringComparison.Ordinal))
        {
            problems.Add($"{at}/Target/Arn: must be a state machine ARN (arn:aws:states:region:account:stateMachine:name)");
            return null;
        }

        string input = OptionalString(target, "Input", at + "/Target/Input", problems) ?? "{}";
        return arn is null ? null : new ScheduleTarget { Arn = arn, Input = input };
    }

    private static DateTimeOffset? OptionalDate(JsonElement item, string property, string at, List<string> problems)
    {
        if (OptionalString(item, property, at + "/" + property, problems) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value))
        {
            return value;
        }

        problems.Add($"{at}/{property}: '{text}' is not a timestamp (e.g. 2027-01-31T08:00:00Z)");
        return null;
    }

    private static string? RequiredString(JsonElement item, string property, string at, List<string> problems)
    {
        if (item.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        problems.Add($"{at}/{property}: required, a non-empty string");
        return null;
    }

    private static string? OptionalString(JsonElement item, string property, string pointer, List<string> problems)
    {
        if (!item.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add($"{pointer}: must be a string");
        return null;
    }

    private static bool Problem(List<string> problems, string problem)
    {
        problems.Add(problem);
        return false;
    }

    [GeneratedRegex("^[0-9a-zA-Z_.-]{1,64}$")]
    private static partial Regex NamePattern();
}
