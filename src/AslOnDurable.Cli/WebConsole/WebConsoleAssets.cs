using System.Collections.Frozen;
using System.Reflection;

namespace AslOnDurable.Cli.WebConsole;

/// <summary>
/// The web console's static files (<c>WebConsole/dist</c>, built from <c>WebConsole/web</c> and embedded into
/// <c>asl.dll</c>): the page, its script bundle (the console's sources and dagre) and its style sheet. Nothing is
/// fetched from elsewhere, so the console works offline.
/// </summary>
internal sealed class WebConsoleAssets
{
    private const string ResourcePrefix = "WebConsole/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, Asset> assets;

    private WebConsoleAssets(FrozenDictionary<string, Asset> assets) => this.assets = assets;

    /// <summary>Gets the names of the files served (e.g. <c>index.html</c>).</summary>
    public IEnumerable<string> Names => assets.Keys;

    /// <summary>Loads the files embedded in this assembly.</summary>
    /// <returns>The assets.</returns>
    public static WebConsoleAssets Load()
    {
        Assembly assembly = typeof(WebConsoleAssets).Assembly;
        Dictionary<string, Asset> found = new(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            string name = resource[ResourcePrefix.Length..];
            if (!ContentTypes.TryGetValue(Path.GetExtension(name), out string? contentType))
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using MemoryStream copy = new();
            stream.CopyTo(copy);
            found[name] = new Asset(copy.ToArray(), contentType);
        }

        return new WebConsoleAssets(found.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Finds a file by name (<c>index.html</c>, <c>console.js</c>, <c>console.css</c>).</summary>
    /// <param name="name">The file name.</param>
    /// <param name="asset">The file.</param>
    /// <returns>Whether it exists.</returns>
    public bool TryGet(string name, out Asset asset) => assets.TryGetValue(name, out asset!);

    /// <summary>One file: its bytes and content type.</summary>
    /// <param name="Content">The bytes.</param>
    /// <param name="ContentType">The <c>Content-Type</c> header value.</param>
    internal sealed record Asset(byte[] Content, string ContentType);
}
