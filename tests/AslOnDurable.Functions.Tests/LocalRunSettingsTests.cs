using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AslOnDurable.Functions.Tests;

/// <summary>
/// What <c>func start</c> reads, checked as far as this machine allows without Core Tools: the built app folder has
/// host.json, worker.config.json and functions.metadata; local.settings.sample.json points at Azurite and defines every
/// app setting that host.json and the bindings name.
/// </summary>
public sealed partial class LocalRunSettingsTests
{
    private static readonly string OutputDirectory = typeof(LocalRunSettingsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FunctionsOutputDirectory").Value!;

    private static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(OutputDirectory, "..", "..", "..", "..", ".."));

    [Fact]
    public void Sample_IsolatedWorkerOnAzurite()
    {
        Dictionary<string, string> values = SampleValues();

        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]);
        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
        using JsonDocument sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "local.settings.sample.json")));
        Assert.False(sample.RootElement.GetProperty("IsEncrypted").GetBoolean());
    }

    [Fact]
    public void Sample_DefinesEverySettingHostJsonAndTheBindingsName()
    {
        string hostJson = File.ReadAllText(Path.Combine(RepositoryRoot, "host.json"));
        string metadata = File.ReadAllText(Path.Combine(OutputDirectory, "functions.metadata"));

        string[] named = [.. SettingReference().Matches(hostJson + metadata).Select(m => m.Groups[1].Value).Distinct()];

        Assert.Contains("AslTaskHub", named);
        Assert.Contains("AslStartQueue", named);
        Assert.All(named, name => Assert.True(SampleValues().ContainsKey(name), $"local.settings.sample.json lacks {name}"));
    }

    [Fact]
    public void Sample_NamesAreValidForAzureStorage()
    {
        Dictionary<string, string> values = SampleValues();

        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,49}$", values["AslTaskHub"]);      // Durable task hub names
        Assert.Matches("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", values["AslStartQueue"]); // queue names
        Assert.Equal(6, values["AslScheduleCron"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // NCRONTAB with seconds
    }

    [Fact]
    public void BuildOutput_HasWhatTheHostLoads()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot, "host.json")), File.ReadAllText(Path.Combine(OutputDirectory, "host.json")));
        using JsonDocument worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDirectory, "worker.config.json")));
        Assert.Equal("dotnet-isolated", worker.RootElement.GetProperty("description").GetProperty("language").GetString());
        Assert.True(File.Exists(Path.Combine(OutputDirectory, "extensions.json")));
    }

    [Fact]
    public void HostJson_DurableTaskOnAzureStorageWithTheSampleHub()
    {
        using JsonDocument host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "host.json")));

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        JsonElement durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");
        Assert.Equal("%AslTaskHub%", durable.GetProperty("hubName").GetString());
        Assert.Equal("AzureStorage", durable.GetProperty("storageProvider").GetProperty("type").GetString());
    }

    private static Dictionary<string, string> SampleValues()
    {
        using JsonDocument sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex SettingReference();
}
