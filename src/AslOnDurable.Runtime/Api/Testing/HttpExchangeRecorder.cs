using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using AslOnDurable.Runtime.Api.Contracts;

namespace AslOnDurable.Runtime.Api.Testing;

/// <summary>
/// TestState at TRACE: the transport of the HTTP Task under test. It forwards every request to the host's transport
/// and keeps the last exchange (the task's own call; an OAuth token request comes before it) for
/// <c>inspectionData.request</c>/<c>response</c>.
/// </summary>
/// <param name="inner">The host's transport.</param>
internal sealed class HttpExchangeRecorder(HttpMessageInvoker inner) : HttpMessageHandler
{
    private Exchange? request;
    private Exchange? response;

    /// <summary>The request as AWS shows it, leaving out the given headers and query parameters (a connection's secrets).</summary>
    /// <param name="hiddenHeaders">Header names to leave out (case-insensitive).</param>
    /// <param name="hiddenQuery">Query parameter names to leave out.</param>
    /// <returns>The request, or <see langword="null"/> when none was sent.</returns>
    public InspectionDataRequest? Request(IReadOnlySet<string> hiddenHeaders, IReadOnlySet<string> hiddenQuery) =>
        request is not { } sent ? null : new InspectionDataRequest(sent.Url.Scheme, sent.Status, Visible(sent.Url, hiddenQuery), Headers(sent.Headers, hiddenHeaders), sent.Body);

    /// <summary>The response as AWS shows it.</summary>
    /// <returns>The response, or <see langword="null"/> when none came.</returns>
    public InspectionDataResponse? Response() =>
        response is not { } got ? null : new InspectionDataResponse(got.Url.Scheme, got.Status, got.Reason, Headers(got.Headers, new HashSet<string>()), got.Body);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        string? body = message.Content is null ? null : await message.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        Uri url = message.RequestUri!;
        request = new Exchange(url, message.Method.Method, null, Pairs(message.Headers, message.Content?.Headers), body);
        response = null;
        HttpResponseMessage answer = await inner.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await answer.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        string text = await answer.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        response = new Exchange(
            url, ((int)answer.StatusCode).ToString(CultureInfo.InvariantCulture), answer.ReasonPhrase, Pairs(answer.Headers, answer.Content.Headers), text);
        return answer;
    }

    private static List<KeyValuePair<string, string>> Pairs(HttpHeaders headers, HttpHeaders? content) =>
        [.. (content is null ? headers : headers.Concat(content)).Select(h => new KeyValuePair<string, string>(h.Key, string.Join(',', h.Value)))];

    private static string Visible(Uri url, IReadOnlySet<string> hidden)
    {
        if (hidden.Count == 0 || url.Query.Length <= 1)
        {
            return url.AbsoluteUri;
        }

        IEnumerable<string> kept = url.Query[1..].Split('&').Where(pair => !hidden.Contains(Uri.UnescapeDataString(pair.Split('=')[0])));
        return new UriBuilder(url) { Query = string.Join('&', kept) }.Uri.AbsoluteUri;
    }

    private static string Headers(List<KeyValuePair<string, string>> headers, IReadOnlySet<string> hidden)
    {
        StringBuilder text = new("[");
        foreach (var (name, value) in headers.Where(h => !hidden.Contains(h.Key)))
        {
            text.Append(text.Length > 1 ? ", " : string.Empty).Append(name).Append(": ").Append(value);
        }

        return text.Append(']').ToString();
    }

    /// <summary>One side of an exchange: the method (request) or status code (response) in <paramref name="Status"/>.</summary>
    private sealed record Exchange(Uri Url, string Status, string? Reason, List<KeyValuePair<string, string>> Headers, string? Body);
}
