namespace AslOnDurable.Runtime.Integrations;

/// <summary>
/// Loads the integrations configuration of a host from its settings: <c>AslIntegrations</c> (the JSON itself) or
/// <c>AslIntegrationsFile</c> (a path to it); neither means an empty configuration. Problems stop the start.
/// </summary>
public static class IntegrationsSettings
{
    /// <summary>The app setting holding the configuration's JSON.</summary>
    public const string JsonSetting = "AslIntegrations";

    /// <summary>The app setting holding a path to the configuration's JSON file.</summary>
    public const string FileSetting = "AslIntegrationsFile";

    /// <summary>Reads the configuration the settings name.</summary>
    /// <param name="settings">Looks up app settings / environment variables.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="IntegrationsConfigurationException">The configuration is invalid or its file unreadable.</exception>
    public static IntegrationsConfiguration Load(Func<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        IntegrationsConfigurationReader reader = new(settings);
        if (settings(JsonSetting) is { Length: > 0 } json)
        {
            return reader.Read(json);
        }

        if (settings(FileSetting) is { Length: > 0 } path)
        {
            return ReadFile(path, settings);
        }

        return IntegrationsConfiguration.Empty;
    }

    /// <summary>Reads a configuration file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="environment">Looks up the environment variables secrets refer to.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="IntegrationsConfigurationException">The configuration is invalid or the file unreadable.</exception>
    public static IntegrationsConfiguration ReadFile(string path, Func<string, string?> environment)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new IntegrationsConfigurationException($"Cannot read the integrations configuration '{path}': {e.Message}", e);
        }

        return new IntegrationsConfigurationReader(environment) { BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) }.Read(text);
    }
}
