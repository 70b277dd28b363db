using System.Text;
using System.Text.RegularExpressions;
using AslOnDurable.WebConsole;

namespace AslOnDurable.Cli.Tests.WebConsole;

public sealed partial class WebConsoleAssetsTests
{
    [Fact]
    public void Load_EmbeddedBundle_HasThePageScriptAndStyleWithTheirContentTypes()
    {
        WebConsoleAssets assets = WebConsoleAssets.Load(WebConsoleApi.SameOrigin);

        Assert.Equal(["console.css", "console.js", "index.html"], assets.Names.Order(StringComparer.Ordinal));
        Assert.True(assets.TryGet("index.html", out var page));
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.True(assets.TryGet("console.js", out var script));
        Assert.Equal("text/javascript; charset=utf-8", script.ContentType);
        Assert.True(assets.TryGet("console.css", out var style));
        Assert.Equal("text/css; charset=utf-8", style.ContentType);
        Assert.False(assets.TryGet("../secrets.json", out _));
    }

    [Fact]
    public void Load_Page_ReferencesOnlyFilesItServesAndNothingRemote()
    {
        WebConsoleAssets assets = WebConsoleAssets.Load(WebConsoleApi.SameOrigin);
        assets.TryGet("index.html", out var page);
        string html = Encoding.UTF8.GetString(page.Content);

        var references = Reference().Matches(html).Select(m => m.Groups[1].Value).Where(r => !r.StartsWith("data:", StringComparison.Ordinal) && !r.StartsWith('#')).ToList();

        Assert.Equal(["console.css", "console.js"], references.Order(StringComparer.Ordinal));
        Assert.All(references, r => Assert.True(assets.TryGet(r, out _), r));
        Assert.DoesNotContain("http", string.Concat(references), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Page_NamesTheHostsApiEndpointAndAuthentication()
    {
        static string Page(WebConsoleApi api)
        {
            WebConsoleAssets.Load(api).TryGet(WebConsoleAssets.Page, out var page);
            return Encoding.UTF8.GetString(page.Content);
        }

        Assert.Contains("""<meta name="asl-api" content="/" data-auth="sigv4">""", Page(WebConsoleApi.SameOrigin), StringComparison.Ordinal);
        Assert.Contains("""<meta name="asl-api" content="../stepfunctions" data-auth="function-key">""", Page(WebConsoleApi.FunctionsApp), StringComparison.Ordinal);
        Assert.Contains("""content="/x?a=1&amp;b=&quot;2&quot;" """, Page(new WebConsoleApi("/x?a=1&b=\"2\"", WebConsoleApi.SigV4)), StringComparison.Ordinal);
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]*)\"")]
    private static partial Regex Reference();
}
