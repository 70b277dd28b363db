namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>Reads the definitions in <c>tests/Definitions/durable</c> and their optional <c>.input.json</c>.</summary>
internal static class DurableFixtures
{
    private static readonly Lazy<string> Folder = new(Find);

    /// <summary>Names (without <c>.asl.json</c>) that run the same on both hosts: everything but host-random and hanging ones.</summary>
    public static TheoryData<string> Parity { get; } = new(
        "pass-choice", "task-retry-catch", "wait-task", "parallel", "map", "fail", "thrown-and-crashed", "parallel-failure", "jsonata");

    public static string Definition(string name) => File.ReadAllText(Path.Combine(Folder.Value, name + ".asl.json"));

    public static string PathOf(string fileName) => Path.Combine(Folder.Value, fileName);

    public static string Input(string name)
    {
        string path = Path.Combine(Folder.Value, name + ".input.json");
        return File.Exists(path) ? File.ReadAllText(path) : "{}";
    }

    private static string Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Definitions", "durable");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Definitions/durable not found above " + AppContext.BaseDirectory);
    }
}
