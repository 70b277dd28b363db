using AslOnDurable.WebConsole;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AslOnDurable.Cli.WebConsole;

/// <summary>
/// Serves the web console beside the API: <c>GET /</c> is the page, <c>GET /console.js</c> and <c>/console.css</c> its
/// bundle. The files are public code; the data comes from the API on the same origin (<c>POST /</c>), under the API's
/// access rules, so the console needs no access rule of its own.
/// </summary>
internal static class WebConsoleEndpoints
{
    /// <summary>Adds the console's routes.</summary>
    /// <param name="routes">The application.</param>
    /// <param name="assets">The embedded files.</param>
    public static void Map(IEndpointRouteBuilder routes, WebConsoleAssets assets)
    {
        routes.MapGet("/", (HttpContext context) => WriteAsync(context, assets, WebConsoleAssets.Page));
        foreach (string name in assets.Names.Where(n => n != WebConsoleAssets.Page))
        {
            routes.MapGet("/" + name, (HttpContext context) => WriteAsync(context, assets, name));
        }
    }

    private static Task WriteAsync(HttpContext context, WebConsoleAssets assets, string name)
    {
        if (!assets.TryGet(name, out WebConsoleAssets.Asset asset))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.ContentType = asset.ContentType;
        foreach ((string header, string value) in WebConsoleAssets.ResponseHeaders)
        {
            context.Response.Headers[header] = value;
        }

        context.Response.ContentLength = asset.Content.Length;
        return context.Response.Body.WriteAsync(asset.Content, context.RequestAborted).AsTask();
    }
}
