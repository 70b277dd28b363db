namespace AslOnDurable.Core.Tests.Parsing;

/// <summary>Reads definition fixtures from <c>tests/Definitions</c>.</summary>
internal static class DefinitionFixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The text of a fixture, by its path under <c>tests/Definitions</c> (for example <c>validation/next-and-end.asl.json</c>).</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root.Value, relativePath));

    /// <summary>The fixture file names (without folder) of a feature folder.</summary>
    public static IEnumerable<string> List(string folder) =>
        Directory.GetFiles(Path.Combine(Root.Value, folder), "*.asl.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Definitions");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Definitions not found above " + AppContext.BaseDirectory);
    }
}
