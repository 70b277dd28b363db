using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Tests.Api;

namespace AslOnDurable.Runtime.Tests.Integrations;

/// <summary>
/// A <c>.waitForTaskToken</c> integration end to end through the API on the durable self-host: a local HTTP server
/// the Task calls (it receives the token), the host configured to reach it, and the steps every callback test takes
/// (start one execution, wait for the server's first request, wait for the end, read the history).
/// </summary>
internal sealed class CallbackApiSession : IAsyncDisposable
{
    private readonly string suffix = Guid.NewGuid().ToString("N")[..10];

    private CallbackApiSession(LocalHttpServer server, StepFunctionsSelfHost host)
    {
        Server = server;
        Host = host;
    }

    /// <summary>Gets the server the Task calls.</summary>
    public LocalHttpServer Server { get; }

    /// <summary>Gets the API host.</summary>
    public StepFunctionsSelfHost Host { get; }

    /// <summary>Starts the server and the host; <c>URL</c> in the configuration (and in definitions) stands for the server's base URL.</summary>
    /// <param name="answer">The server's answers.</param>
    /// <param name="configurationJson">The integrations configuration.</param>
    /// <returns>The session.</returns>
    public static async Task<CallbackApiSession> StartAsync(Func<LocalHttpServer.RecordedRequest, LocalHttpServer.Answer> answer, string configurationJson)
    {
        LocalHttpServer server = new(answer);
        try
        {
            return new CallbackApiSession(server, await IntegrationsSelfHost.StartAsync(configurationJson.Replace("URL", BaseUrl(server), StringComparison.Ordinal)));
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Creates a state machine of the definition (<c>URL</c> replaced) and starts one execution of it.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="input">The execution's input.</param>
    /// <returns>The execution ARN and its durable instance id.</returns>
    public async Task<(string Execution, string Instance)> StartAsync(string definition, string input)
    {
        string name = "callbacks-" + suffix;
        string machine = (string)(await Host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["definition"] = definition.Replace("URL", BaseUrl(Server), StringComparison.Ordinal), ["roleArn"] = ApiTestCalls.Role,
        }))["stateMachineArn"]!;
        JsonObject started = await Host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "run", ["input"] = input });
        return ((string)started["executionArn"]!, name + ":run");
    }

    /// <summary>The server's first request, once it has come.</summary>
    /// <param name="cancellationToken">The test's budget.</param>
    /// <returns>The request.</returns>
    public async Task<LocalHttpServer.RecordedRequest> FirstRequestAsync(CancellationToken cancellationToken)
    {
        LocalHttpServer.RecordedRequest? request;
        while (!Server.Requests.TryPeek(out request))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        return request;
    }

    /// <summary>DescribeExecution once the execution has ended.</summary>
    /// <param name="execution">The execution ARN.</param>
    /// <param name="instance">Its instance id.</param>
    /// <param name="cancellationToken">The test's budget.</param>
    /// <returns>The description.</returns>
    public async Task<JsonObject> FinishedAsync(string execution, string instance, CancellationToken cancellationToken)
    {
        await Host.Client.WaitForCompletionAsync(instance, cancellationToken);
        return await Host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = execution });
    }

    /// <summary>The execution's history with its data, as JSON text.</summary>
    /// <param name="execution">The execution ARN.</param>
    /// <returns>The text.</returns>
    public async Task<string> HistoryTextAsync(string execution) =>
        (await Host.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = execution, ["includeExecutionData"] = true })).ToJsonString();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Server.Dispose();
    }

    private static string BaseUrl(LocalHttpServer server) => server.Url("").TrimEnd('/');
}
