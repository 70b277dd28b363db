namespace AslOnDurable.Cli.Tests;

/// <summary>A temporary folder for definition, input and mock files; deleted on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("asl-cli-tests-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(folder, name);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
