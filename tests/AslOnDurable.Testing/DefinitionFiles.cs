namespace AslOnDurable.Testing;

/// <summary>Reads definition fixtures from <c>tests/Definitions/&lt;group&gt;</c>, found by walking up from the test binaries.</summary>
public static class DefinitionFiles
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The path of <c>tests/Definitions/&lt;group&gt;/&lt;name&gt;.asl.json</c>.</summary>
    public static string PathOf(string group, string name) => Path.Combine(Root.Value, group, name + ".asl.json");

    /// <summary>The text of <c>tests/Definitions/&lt;group&gt;/&lt;name&gt;.asl.json</c>.</summary>
    public static string Read(string group, string name) => File.ReadAllText(PathOf(group, name));

    /// <summary>Every fixture as <c>group/name</c> (without <c>.asl.json</c>), in ordinal order.</summary>
    public static IReadOnlyList<string> All() =>
        [.. Directory.EnumerateFiles(Root.Value, "*.asl.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root.Value, f).Replace('\\', '/')[..^".asl.json".Length])
            .Order(StringComparer.Ordinal)];

    private static string Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Definitions");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Definitions not found above " + AppContext.BaseDirectory);
    }
}
