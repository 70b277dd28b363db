using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Runtime.Integrations.OpenAI;

/// <summary>
/// The Azure form of the generative-AI step, <c>arn:azure:states:::openai:chatCompletions</c>: Parameters
/// <c>{"Deployment": "name", "Body": {Chat Completions request}}</c> call the deployment of that name under
/// <c>azureOpenAI.deployments</c>; the result is the Chat Completions response as the service returns it
/// (<c>$.choices[0].message.content</c>).
/// </summary>
/// <remarks>
/// Errors are named as Bedrock names them, under <c>OpenAI.</c>: <c>OpenAI.ThrottlingException</c> (429, retryable; the
/// cause carries the retry-after), <c>OpenAI.ValidationException</c> (400, including content filtering),
/// <c>OpenAI.AccessDeniedException</c>, <c>OpenAI.ResourceNotFoundException</c> (unknown deployment),
/// <c>OpenAI.ModelTimeoutException</c>, <c>OpenAI.ServiceUnavailableException</c>, <c>OpenAI.InternalServerException</c>,
/// <c>OpenAI.SdkClientException</c> (unreachable, no token).
/// </remarks>
/// <param name="configuration">The <c>azureOpenAI</c> section, or <see langword="null"/> when none is configured.</param>
/// <param name="client">Calls Chat Completions.</param>
public sealed class ChatCompletionsTaskHandler(AzureOpenAIConfiguration? configuration, ChatCompletionsClient client) : ITaskHandler
{
    /// <summary>The resource.</summary>
    public const string Resource = "arn:azure:states:::openai:chatCompletions";

    private const string Service = "AzureOpenAI";

    /// <summary>Why a deployment cannot be called here (for <c>asl validate</c>), or <see langword="null"/>.</summary>
    /// <param name="configuration">The integrations configuration.</param>
    /// <param name="deployment">A literal <c>Deployment</c>.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public static string? Problem(IntegrationsConfiguration configuration, string deployment) =>
        (configuration ?? throw new ArgumentNullException(nameof(configuration))).AzureOpenAI?.Deployments.ContainsKey(deployment) == true
            ? null
            : $"the deployment '{deployment}' is not configured: add it under azureOpenAI.deployments in the integrations configuration";

    /// <inheritdoc/>
    public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (invocation.Resource != Resource)
        {
            return Runtime($"The resource '{invocation.Resource}' is not supported: use '{Resource}'.");
        }

        if (invocation.Input is not JsonObject parameters || !JsonText.TryString(parameters["Deployment"], out string? name) || parameters["Body"] is not JsonObject body)
        {
            return Runtime("The parameters of openai:chatCompletions must be {\"Deployment\": \"name\", \"Body\": {\"messages\": [...]}}.");
        }

        foreach (var (key, _) in parameters)
        {
            if (key is not ("Deployment" or "Body"))
            {
                return Runtime($"The field '{key}' is not supported by openai:chatCompletions (expected Deployment, Body).");
            }
        }

        if (configuration?.Deployments.TryGetValue(name, out AzureOpenAIDeployment? deployment) != true)
        {
            return TaskOutcome.Failure(ModelErrors.Of("OpenAI", Service, new ChatCompletionResult(
                null, 404, $"The deployment '{name}' is not configured (azureOpenAI.deployments).", Guid.NewGuid().ToString())));
        }

        if (body["messages"] is not JsonArray)
        {
            return TaskOutcome.Failure(ModelErrors.Validation("OpenAI", Service, "The Body needs 'messages' (a Chat Completions request)."));
        }

        JsonObject request = body.DeepClone().AsObject();
        request.Remove("model");
        ChatCompletionResult result = await client.CompleteAsync(deployment!, request, invocation.Clock?.Abandoned ?? CancellationToken.None).ConfigureAwait(false);
        return result.Succeeded ? TaskOutcome.Success(result.Body) : TaskOutcome.Failure(ModelErrors.Of("OpenAI", Service, result));
    }

    private static TaskOutcome Runtime(string cause) => TaskOutcome.Failure(new AslError(StatesErrorNames.Runtime, cause));
}
