using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Executions;
using Moq;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// ListExecutions sent through a host's dispatcher with a client of its task hub that counts the backend lookups
/// (<see cref="IExecutionClient.GetAsync"/>) the listing makes: the listing tests check that pages answer from the
/// execution index alone.
/// </summary>
internal sealed class CountedListings
{
    private readonly StepFunctionsSelfHost host;
    private readonly Mock<IExecutionClient> client = new(MockBehavior.Strict);
    private int asked;

    public CountedListings(StepFunctionsSelfHost host)
    {
        this.host = host;
        client.Setup(c => c.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns<string, CancellationToken>((id, ct) => { Interlocked.Increment(ref asked); return host.Client.GetAsync(id, ct); });
    }

    /// <summary>Gets or sets how many backend lookups the listings made (set to 0 to count from there).</summary>
    public int Asked
    {
        get => Volatile.Read(ref asked);
        set => Volatile.Write(ref asked, value);
    }

    /// <summary>ListExecutions with <paramref name="body"/>, which must succeed; the answer.</summary>
    public async Task<JsonObject> ListAsync(JsonObject body)
    {
        ApiResponse response = await host.Dispatcher.DispatchAsync("AWSStepFunctions.ListExecutions", body.ToJsonString(), client.Object, CancellationToken.None);
        Assert.True(response.StatusCode == 200, response.Body);
        return JsonNode.Parse(response.Body)!.AsObject();
    }

    /// <summary>The executions ListExecutions with <paramref name="body"/> lists, each as <c>name=status</c>.</summary>
    public async Task<string[]> NamesAsync(JsonObject body) =>
        [.. (await ListAsync(body))["executions"]!.AsArray().Select(e => (string)e!["name"]! + "=" + (string)e!["status"]!)];
}
