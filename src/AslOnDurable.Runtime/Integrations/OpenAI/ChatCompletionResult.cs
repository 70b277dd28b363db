using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations.OpenAI;

/// <summary>What a Chat Completions call gave: the response body, or why it failed.</summary>
/// <param name="Body">The response JSON on success.</param>
/// <param name="Status">The HTTP status, or 0 when no answer came (unreachable, no token); 408 when the call timed out.</param>
/// <param name="Message">What went wrong (no secrets); empty on success.</param>
/// <param name="RequestId">The service's request id (<c>apim-request-id</c>), or a new one.</param>
public sealed record ChatCompletionResult(JsonObject? Body, int Status, string Message, string RequestId)
{
    /// <summary>Whether the call succeeded.</summary>
    public bool Succeeded => Body is not null;
}
