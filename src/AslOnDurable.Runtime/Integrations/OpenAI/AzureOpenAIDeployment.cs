using AslOnDurable.Runtime.Integrations.Identity;

namespace AslOnDurable.Runtime.Integrations.OpenAI;

/// <summary>An Azure OpenAI chat model deployment.</summary>
/// <param name="Endpoint">The resource endpoint (<c>https://&lt;resource&gt;.openai.azure.com/</c>).</param>
/// <param name="Deployment">The deployment name.</param>
/// <param name="ApiVersion">The data-plane API version (<c>api-version</c>).</param>
/// <param name="Authentication">The resource's API key (<c>api-key</c>) or a managed identity (role <c>Cognitive Services OpenAI User</c>).</param>
/// <param name="AllowPrivateNetwork">Whether loopback and link-local addresses may be called (local development).</param>
/// <param name="Timeout">How long a completion may take.</param>
public sealed record AzureOpenAIDeployment(
    Uri Endpoint, string Deployment, string ApiVersion, AzureServiceAuthentication Authentication, bool AllowPrivateNetwork, TimeSpan Timeout)
{
    /// <summary>The Chat Completions URL of the deployment.</summary>
    public Uri ChatCompletionsUrl =>
        new(Endpoint, $"openai/deployments/{Uri.EscapeDataString(Deployment)}/chat/completions?api-version={Uri.EscapeDataString(ApiVersion)}");
}
