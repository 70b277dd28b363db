namespace AslOnDurable.WebConsole;

/// <summary>
/// Where the console finds the Step Functions API and how it authenticates, written into its page
/// (<c>&lt;meta name="asl-api" content="…" data-auth="…"&gt;</c>) by the host that serves it.
/// </summary>
/// <param name="Endpoint">The API's URL, resolved against the page's URL: <c>/</c> for <c>asl serve</c>,
/// <c>../stepfunctions</c> for the Functions app's page at <c>/api/console/</c>. It must be on the page's origin (the
/// console's content security policy allows no other).</param>
/// <param name="Auth">How the console authenticates when the API refuses it: <see cref="SigV4"/> or <see cref="FunctionKey"/>.</param>
public sealed record WebConsoleApi(string Endpoint, string Auth)
{
    /// <summary>Signs requests with AWS Signature Version 4 once credentials are entered.</summary>
    public const string SigV4 = "sigv4";

    /// <summary>Sends an Azure Functions key (the <c>x-functions-key</c> header) once it is entered.</summary>
    public const string FunctionKey = "function-key";

    /// <summary><c>asl serve</c>: the API on <c>POST /</c> of the page's origin, SigV4 where credentials are configured.</summary>
    public static WebConsoleApi SameOrigin { get; } = new("/", SigV4);

    /// <summary>The Functions app: the API function beside the console's (<c>/api/stepfunctions</c> from <c>/api/console/</c>).</summary>
    public static WebConsoleApi FunctionsApp { get; } = new("../stepfunctions", FunctionKey);
}
