using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Moq;
using Moq.Protected;

namespace AslOnDurable.Runtime.Tests.Integrations;

/// <summary>A Moq <see cref="HttpMessageHandler"/> that records every request (body read while it is open) and answers with a function.</summary>
internal sealed class FakeHttpEndpoint : IDisposable
{
    public FakeHttpEndpoint(Func<Recorded, HttpResponseMessage> answer)
    {
        Mock<HttpMessageHandler> handler = new(MockBehavior.Loose);
        handler.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .Returns<HttpRequestMessage, CancellationToken>(async (request, cancellationToken) =>
            {
                Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
                foreach (var (name, values) in request.Headers)
                {
                    headers[name] = string.Join(",", values);
                }

                foreach (var (name, values) in request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                {
                    headers[name] = string.Join(",", values);
                }

                string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
                Recorded recorded = new(request.Method.Method, request.RequestUri!, headers, body);
                Requests.Enqueue(recorded);
                return answer(recorded);
            });
        Handler = handler.Object;
        Client = new HttpMessageInvoker(handler.Object, disposeHandler: false);
    }

    public HttpMessageHandler Handler { get; }

    public HttpMessageInvoker Client { get; }

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        HttpResponseMessage response = new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static Func<Recorded, HttpResponseMessage> Throws(Exception exception) => _ => throw exception;

    public void Dispose() => Client.Dispose();

    public sealed record Recorded(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body);
}
