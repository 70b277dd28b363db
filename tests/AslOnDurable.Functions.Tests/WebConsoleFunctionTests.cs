using System.Text;
using AslOnDurable.WebConsole;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AslOnDurable.Functions.Tests;

public sealed class WebConsoleFunctionTests
{
    private readonly WebConsoleFunction function = new(WebConsoleAssets.Load(WebConsoleApi.FunctionsApp));

    private static HttpRequest Get(string path)
    {
        DefaultHttpContext context = new();
        context.Request.Method = "GET";
        context.Request.Path = path;
        return context.Request;
    }

    [Fact]
    public void Run_Page_HtmlWithTheStrictPolicyAndTheAppsApiWithItsFunctionKey()
    {
        HttpRequest request = Get("/api/console/");

        FileContentResult page = Assert.IsType<FileContentResult>(function.Run(request, ""));

        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        string html = Encoding.UTF8.GetString(page.FileContents);
        Assert.Contains("""<meta name="asl-api" content="../stepfunctions" data-auth="function-key">""", html, StringComparison.Ordinal);
        Assert.Contains("id=\"function-key\"", html, StringComparison.Ordinal);
        IHeaderDictionary headers = request.HttpContext.Response.Headers;
        Assert.Equal(WebConsoleAssets.ContentSecurityPolicy, headers.ContentSecurityPolicy);
        Assert.StartsWith("default-src 'none'; script-src 'self'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.XContentTypeOptions);
        Assert.Equal("no-cache", headers.CacheControl);
    }

    [Theory]
    [InlineData("console.js", "text/javascript; charset=utf-8")]
    [InlineData("console.css", "text/css; charset=utf-8")]
    public void Run_Asset_ItsContentTypeAndPolicy(string name, string contentType)
    {
        HttpRequest request = Get("/api/console/" + name);

        FileContentResult file = Assert.IsType<FileContentResult>(function.Run(request, name));

        Assert.Equal(contentType, file.ContentType);
        Assert.NotEmpty(file.FileContents);
        Assert.Equal(WebConsoleAssets.ContentSecurityPolicy, request.HttpContext.Response.Headers.ContentSecurityPolicy);
    }

    [Fact]
    public void Run_NoTrailingSlash_RedirectsSoThePagesRelativeLinksResolve()
    {
        RedirectResult redirect = Assert.IsType<RedirectResult>(function.Run(Get("/api/console"), null));

        Assert.Equal("/api/console/", redirect.Url);
        Assert.False(redirect.Permanent);
    }

    [Theory]
    [InlineData("../host.json")]
    [InlineData("secrets.json")]
    [InlineData("index.html/x")]
    public void Run_UnknownFile_NotFound(string path)
    {
        Assert.IsType<NotFoundResult>(function.Run(Get("/api/console/" + path), path));
    }

    [Fact]
    public void AddAslFunctionsApp_ConsoleEndpointSetting_ThePageCallsThatEndpoint()
    {
        using ServiceProvider services = new ServiceCollection()
            .AddLogging()
            .AddAslFunctionsApp(name => name == FunctionNames.ConsoleApiEndpointSetting ? "/custom/stepfunctions" : null)
            .BuildServiceProvider();
        WebConsoleAssets assets = services.GetRequiredService<WebConsoleAssets>();

        assets.TryGet(WebConsoleAssets.Page, out var page);

        Assert.Contains("""content="/custom/stepfunctions" data-auth="function-key">""", Encoding.UTF8.GetString(page.Content), StringComparison.Ordinal);
    }
}
