using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AslOnDurable.Runtime.Tests.Integrations;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) that answers with a function and records every request. Hang guards:
/// reading a request and writing its answer are bounded (a client that stalls mid-request cannot stall the server), and
/// <see cref="Dispose"/> stops the loop itself (a listener closed while its accept is starting may never answer that
/// accept) and waits a bounded time for it, failing the test instead of hanging it.
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private static readonly TimeSpan RequestBudget = TimeSpan.FromSeconds(30);
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Func<RecordedRequest, Answer> answer;
    private readonly Task loop;

    public LocalHttpServer(Func<RecordedRequest, Answer> answer)
    {
        this.answer = answer;
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static int FreePort()
    {
        using TcpListener probe = new(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Close();
        try
        {
            if (!loop.Wait(RequestBudget + RequestBudget))
            {
                throw new TimeoutException($"The local HTTP server on port {Port} did not stop.");
            }
        }
        catch (AggregateException e) when (e.InnerException is ObjectDisposedException)
        {
        }

        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening && !stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().WaitAsync(stopping.Token);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
            {
                return;
            }

            try
            {
                using CancellationTokenSource budget = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                budget.CancelAfter(RequestBudget);
                await ServeOneAsync(context, budget.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away or stalled: drop this request, keep serving.
                context.Response.Abort();
            }
        }
    }

    private async Task ServeOneAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        using StreamReader reader = new(context.Request.InputStream, Encoding.UTF8);
        Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
        foreach (string? key in context.Request.Headers.AllKeys)
        {
            headers[key!] = context.Request.Headers[key]!;
        }

        RecordedRequest request = new(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, await reader.ReadToEndAsync(cancellationToken));
        Requests.Enqueue(request);
        Answer reply = answer(request);
        context.Response.StatusCode = reply.Status;
        if (reply.ContentType is { } type)
        {
            context.Response.ContentType = type;
        }

        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        byte[] body = Encoding.UTF8.GetBytes(reply.Body);
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body, cancellationToken);
        context.Response.Close();
    }

    public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

    public sealed record Answer(int Status, string Body, string? ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null);
}
