using System.Collections.Frozen;
using System.Net;
using System.Reflection;
using System.Text;

namespace AslOnDurable.WebConsole;

/// <summary>
/// The web console's static files (<c>dist</c>, built from <c>web</c> and embedded into this assembly): the page, its
/// script bundle (the console's sources and dagre) and its style sheet, with the response headers every host sends
/// with them. Nothing is fetched from elsewhere, so the console works offline.
/// </summary>
public sealed class WebConsoleAssets
{
    /// <summary>A policy that allows only this origin's script, style and API calls.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The page's name.</summary>
    public const string Page = "index.html";

    private const string ResourcePrefix = "WebConsole/";

    /// <summary>The API settings as the committed page holds them, replaced by the host's.</summary>
    private const string ApiMeta = """<meta name="asl-api" content="/" data-auth="sigv4">""";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, Asset> assets;

    private WebConsoleAssets(FrozenDictionary<string, Asset> assets) => this.assets = assets;

    /// <summary>The headers sent with every file: no caching without revalidation, no sniffing, the strict CSP, no referrer.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; } =
    [
        new("Cache-Control", "no-cache"),
        new("X-Content-Type-Options", "nosniff"),
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("Referrer-Policy", "no-referrer"),
    ];

    /// <summary>Gets the names of the files served (e.g. <c>index.html</c>).</summary>
    public IEnumerable<string> Names => assets.Keys;

    /// <summary>Loads the embedded files, the page set up for <paramref name="api"/>.</summary>
    /// <param name="api">Where the console finds the API and how it authenticates.</param>
    /// <returns>The assets.</returns>
    /// <exception cref="InvalidOperationException">The embedded page lacks its API settings (a build that lost them).</exception>
    public static WebConsoleAssets Load(WebConsoleApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
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
            byte[] content = name == Page ? WithApi(copy.ToArray(), api) : copy.ToArray();
            found[name] = new Asset(content, contentType);
        }

        return new WebConsoleAssets(found.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Finds a file by name (<c>index.html</c>, <c>console.js</c>, <c>console.css</c>).</summary>
    /// <param name="name">The file name.</param>
    /// <param name="asset">The file.</param>
    /// <returns>Whether it exists.</returns>
    public bool TryGet(string name, out Asset asset) => assets.TryGetValue(name, out asset!);

    private static byte[] WithApi(byte[] page, WebConsoleApi api)
    {
        string html = Encoding.UTF8.GetString(page);
        if (!html.Contains(ApiMeta, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The console page has no {ApiMeta}: rebuild WebConsole/dist.");
        }

        string meta = $"""<meta name="asl-api" content="{WebUtility.HtmlEncode(api.Endpoint)}" data-auth="{WebUtility.HtmlEncode(api.Auth)}">""";
        return Encoding.UTF8.GetBytes(html.Replace(ApiMeta, meta, StringComparison.Ordinal));
    }

    /// <summary>One file: its bytes and content type.</summary>
    /// <param name="Content">The bytes.</param>
    /// <param name="ContentType">The <c>Content-Type</c> header value.</param>
    public sealed record Asset(byte[] Content, string ContentType);
}
