namespace AslOnDurable.Runtime.Scheduling;

/// <summary>
/// Loads the schedules a host serves from its settings: <c>AslSchedules</c> (the JSON itself) or
/// <c>AslSchedulesFile</c> (a path to it); neither means no schedules. Problems stop the start.
/// </summary>
public static class ScheduleSettings
{
    /// <summary>The app setting holding the schedules' JSON.</summary>
    public const string JsonSetting = "AslSchedules";

    /// <summary>The app setting holding a path to the schedules' JSON file.</summary>
    public const string FileSetting = "AslSchedulesFile";

    /// <summary>Reads the schedules the settings name.</summary>
    /// <param name="settings">Looks up app settings / environment variables.</param>
    /// <returns>The schedules (<see cref="ScheduleConfiguration.Empty"/> when neither setting is set).</returns>
    /// <exception cref="ScheduleConfigurationException">
    /// The configuration is invalid or its file unreadable: every problem, each prefixed with the setting or file it came from.
    /// </exception>
    public static ScheduleConfiguration Load(Func<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings(JsonSetting) is { Length: > 0 } json)
        {
            return Parse(json, JsonSetting);
        }

        if (settings(FileSetting) is not { Length: > 0 } path)
        {
            return ScheduleConfiguration.Empty;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScheduleConfigurationException($"{FileSetting} '{path}': cannot read the schedules file ({e.Message})", e);
        }

        return Parse(text, $"{FileSetting} '{path}'");
    }

    private static ScheduleConfiguration Parse(string json, string source)
    {
        try
        {
            return ScheduleConfiguration.Parse(json);
        }
        catch (ScheduleConfigurationException e)
        {
            throw new ScheduleConfigurationException([.. e.Problems.Select(p => source + ": " + p)]);
        }
    }
}
