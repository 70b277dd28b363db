using AslOnDurable.WebConsole;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AslOnDurable.Functions;

/// <summary>
/// The web console on <c>GET /api/console/</c> (the page) and <c>/api/console/console.js|console.css</c>, the same files
/// as <c>asl serve</c> with the same headers (strict content security policy). The files are public code, so the
/// function is anonymous; the console calls the API function (<c>POST /api/stepfunctions</c>, function key) and asks for
/// the key when it is refused.
/// </summary>
/// <param name="assets">The console's files, the page pointed at this app's API.</param>
internal sealed class WebConsoleFunction(WebConsoleAssets assets)
{
    /// <summary>GET /api/console/{*path}.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="path">The file (empty: the page).</param>
    /// <returns>The file, a redirect to <c>/api/console/</c> (the page's relative links need the slash), or 404.</returns>
    [Function(FunctionNames.WebConsole)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/{*path}")] HttpRequest request,
        string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(path) && !(request.Path.Value ?? "").EndsWith('/'))
        {
            return new RedirectResult(request.PathBase + request.Path + "/" + request.QueryString, permanent: false);
        }

        if (!assets.TryGet(string.IsNullOrEmpty(path) ? WebConsoleAssets.Page : path, out WebConsoleAssets.Asset asset))
        {
            return new NotFoundResult();
        }

        foreach ((string header, string value) in WebConsoleAssets.ResponseHeaders)
        {
            request.HttpContext.Response.Headers[header] = value;
        }

        return new FileContentResult(asset.Content, asset.ContentType);
    }
}
