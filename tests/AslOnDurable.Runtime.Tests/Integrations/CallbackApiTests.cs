using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Tests.Api;

namespace AslOnDurable.Runtime.Tests.Integrations;

/// <summary>
/// What every <c>.waitForTaskToken</c> integration owes the durable callback wait, through the API: SendTaskFailure
/// completes the state (caught), SendTaskHeartbeat keeps it alive, silence ends it with <c>States.Timeout</c> or
/// <c>States.HeartbeatTimeout</c>, a malformed token is <c>InvalidToken</c>. Each integration's class supplies the host,
/// the definition and where the server finds the token.
/// </summary>
public abstract class CallbackApiTests : IAsyncLifetime
{
    /// <summary>The budget of one test.</summary>
    protected static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);

    /// <summary>Gets the running session.</summary>
    internal CallbackApiSession Session { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync() => Session = await StartSessionAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync() => await Session.DisposeAsync();

    /// <summary>Starts the server and the host.</summary>
    /// <returns>The session.</returns>
    internal abstract Task<CallbackApiSession> StartSessionAsync();

    /// <summary>
    /// A definition whose state <c>Ask</c> sends the token to the server (and <c>order</c> from the input), with
    /// <c>ResultPath: $.approval</c> and a catcher of <c>Approval.Rejected</c> into <c>$.error</c>.
    /// </summary>
    /// <param name="timing">Extra fields of <c>Ask</c>, each followed by a comma (<c>TimeoutSeconds</c>, <c>HeartbeatSeconds</c>).</param>
    /// <returns>The definition.</returns>
    protected abstract string Definition(string timing = "");

    /// <summary>The token as the server received it.</summary>
    /// <param name="request">The server's request.</param>
    /// <returns>The token.</returns>
    internal abstract string TokenOf(LocalHttpServer.RecordedRequest request);

    /// <summary>Starts an execution with input <c>{"order":7}</c>.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The execution ARN and instance id.</returns>
    internal Task<(string Execution, string Instance)> StartAsync(string definition) => Session.StartAsync(definition, """{"order":7}""");

    /// <summary>The token of the server's first request, once it has come.</summary>
    /// <param name="cancellationToken">The test's budget.</param>
    /// <returns>The token.</returns>
    internal async Task<string> TokenAsync(CancellationToken cancellationToken) => TokenOf(await Session.FirstRequestAsync(cancellationToken));

    [Fact]
    public async Task SendTaskFailure_MatchingCatcher_ExecutionGoesOnWithTheError()
    {
        using CancellationTokenSource cts = new(Budget);
        (string execution, string instance) = await StartAsync(Definition());

        string token = await TokenAsync(cts.Token);
        await Session.Host.OkAsync("SendTaskFailure", new JsonObject { ["taskToken"] = token, ["error"] = "Approval.Rejected", ["cause"] = "over budget" });
        JsonObject described = await Session.FinishedAsync(execution, instance, cts.Token);

        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("""{"order":7,"error":{"Error":"Approval.Rejected","Cause":"over budget"}}""", (string?)described["output"]);
    }

    [Fact]
    public async Task SendTaskHeartbeat_ThenSuccess_WithinHeartbeatSeconds_StateSucceeds()
    {
        using CancellationTokenSource cts = new(Budget);
        (string execution, string instance) = await StartAsync(Definition("\"HeartbeatSeconds\":60,"));

        string token = await TokenAsync(cts.Token);
        await Session.Host.OkAsync("SendTaskHeartbeat", new JsonObject { ["taskToken"] = token });
        await Session.Host.OkAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = "\"ok\"" });
        JsonObject described = await Session.FinishedAsync(execution, instance, cts.Token);

        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("""{"order":7,"approval":"ok"}""", (string?)described["output"]);
    }

    [Theory]
    [InlineData("\"TimeoutSeconds\":2,", "States.Timeout")]
    [InlineData("\"HeartbeatSeconds\":2,", "States.HeartbeatTimeout")]
    public async Task NoCallback_TimeoutOrHeartbeatElapses_ExecutionFailsWithTheTimeoutError(string timing, string error)
    {
        using CancellationTokenSource cts = new(Budget);
        (string execution, string instance) = await StartAsync(Definition(timing));

        await Session.FirstRequestAsync(cts.Token);
        JsonObject described = await Session.FinishedAsync(execution, instance, cts.Token);

        Assert.Equal("FAILED", (string?)described["status"]);
        Assert.Equal(error, (string?)described["error"]);
    }

    [Fact]
    public async Task SendTaskSuccess_MalformedToken_InvalidToken()
    {
        await Session.Host.ErrorAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = "not-a-token", ["output"] = "{}" }, "InvalidToken");
    }
}
