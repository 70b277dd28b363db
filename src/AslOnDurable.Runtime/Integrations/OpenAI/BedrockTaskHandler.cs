using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Runtime.Integrations.OpenAI;

/// <summary>
/// Bedrock's optimized integration (<c>arn:aws:states:::bedrock:invokeModel</c>) on Azure OpenAI: <c>ModelId</c> (an id
/// or a foundation-model ARN) maps to a deployment under <c>azureOpenAI.bedrockModels</c> (<c>*</c> for any), the
/// model's <c>Body</c> is translated into a Chat Completions request and the completion back into the model's response
/// shape (<see cref="BedrockModelTranslation"/>). The result is AWS's <c>{Body, ContentType}</c>.
/// </summary>
/// <remarks>
/// Errors are Bedrock Runtime's under <c>Bedrock.</c>: <c>ThrottlingException</c> (429, retryable; the cause carries the
/// deployment's retry-after), <c>ValidationException</c> (400, a body that cannot be translated),
/// <c>AccessDeniedException</c>, <c>ResourceNotFoundException</c> (a model not mapped, a 404),
/// <c>ModelTimeoutException</c>, <c>ServiceUnavailableException</c>, <c>InternalServerException</c>,
/// <c>SdkClientException</c> (unreachable, no token). <c>Input</c>/<c>Output</c> (S3 URIs) are not supported.
/// </remarks>
/// <param name="configuration">The <c>azureOpenAI</c> section, or <see langword="null"/> when none is configured.</param>
/// <param name="client">Calls Chat Completions.</param>
public sealed class BedrockTaskHandler(AzureOpenAIConfiguration? configuration, ChatCompletionsClient client) : ITaskHandler
{
    /// <summary>The resource.</summary>
    public const string Resource = "arn:aws:states:::bedrock:invokeModel";

    private const string Service = "AmazonBedrockRuntime";

    private static readonly string[] Fields = ["ModelId", "Body", "ContentType", "Accept", "Trace", "GuardrailIdentifier", "GuardrailVersion", "PerformanceConfigLatency"];

    /// <summary>Why a model cannot run here (for <c>asl validate</c>), or <see langword="null"/>.</summary>
    /// <param name="configuration">The integrations configuration.</param>
    /// <param name="modelId">A literal <c>ModelId</c>.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public static string? Problem(IntegrationsConfiguration configuration, string modelId)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string id = ModelIdOf(modelId ?? throw new ArgumentNullException(nameof(modelId)));
        return configuration.AzureOpenAI?.ForBedrockModel(id) is null
            ? $"the Bedrock model '{id}' is not mapped to an Azure OpenAI deployment: add it under azureOpenAI.bedrockModels in the integrations configuration"
            : null;
    }

    /// <inheritdoc/>
    public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (invocation.Resource != Resource)
        {
            return Runtime($"The resource '{invocation.Resource}' is not supported: use '{Resource}'.");
        }

        if (invocation.Input is not JsonObject parameters)
        {
            return Runtime("The parameters of bedrock:invokeModel must be an object with 'ModelId' and 'Body'.");
        }

        foreach (var (key, _) in parameters)
        {
            if (key is "Input" or "Output")
            {
                return Runtime($"The field '{key}' of bedrock:invokeModel (an S3 URI) is not supported here: pass the request in 'Body'.");
            }

            if (Array.IndexOf(Fields, key) < 0)
            {
                return Runtime($"The field '{key}' is not supported by bedrock:invokeModel (expected {string.Join(", ", Fields)}).");
            }
        }

        if (!JsonText.TryString(parameters["ModelId"], out string? modelReference) || modelReference.Length == 0)
        {
            return Failure(ModelErrors.Validation("Bedrock", Service, "1 validation error detected: Value null at 'modelId' failed to satisfy constraint: Member must not be null"));
        }

        foreach (string type in (string[])["ContentType", "Accept"])
        {
            if (JsonText.TryString(parameters[type], out string? mime) && !mime.StartsWith("application/json", StringComparison.Ordinal) && mime != "*/*")
            {
                return Failure(ModelErrors.Validation("Bedrock", Service, $"{type} '{mime}' is not supported: the body is JSON."));
            }
        }

        JsonObject? body = parameters["Body"] switch
        {
            JsonObject json => json,
            JsonValue text when text.GetValueKind() == JsonValueKind.String => JsonText.ParseObject(text.GetValue<string>()),
            _ => null,
        };
        if (body is null)
        {
            return Failure(ModelErrors.Validation("Bedrock", Service, "Malformed input request: the Body must be a JSON object, please reformat your input and try again."));
        }

        string modelId = ModelIdOf(modelReference);
        if (configuration?.ForBedrockModel(modelId) is not { } deployment)
        {
            return Failure(ModelErrors.Of("Bedrock", Service, new ChatCompletionResult(
                null, 404, $"The model {modelId} is not mapped to an Azure OpenAI deployment (azureOpenAI.bedrockModels).", Guid.NewGuid().ToString())));
        }

        if (BedrockModelTranslation.FamilyOf(modelId, body) is not { } family)
        {
            return Failure(ModelErrors.Validation("Bedrock", Service, $"The request shape of model {modelId} is not known here: send a Chat Completions body ('messages') or use an anthropic, amazon.nova, amazon.titan-text, meta.llama or mistral model id."));
        }

        if (BedrockModelTranslation.ToChat(family, body, out string? error) is not { } request)
        {
            return Failure(ModelErrors.Validation("Bedrock", Service, error!));
        }

        ChatCompletionResult result = await client.CompleteAsync(deployment, request, invocation.Clock?.Abandoned ?? CancellationToken.None).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Failure(ModelErrors.Of("Bedrock", Service, result));
        }

        return TaskOutcome.Success(new JsonObject
        {
            ["Body"] = BedrockModelTranslation.FromChat(family, modelId, result.Body!),
            ["ContentType"] = "application/json",
        });
    }

    private static string ModelIdOf(string reference)
    {
        int slash = reference.LastIndexOf('/');
        return reference.StartsWith("arn:", StringComparison.Ordinal) && slash > 0 ? reference[(slash + 1)..] : reference;
    }

    private static TaskOutcome Failure(AslError error) => TaskOutcome.Failure(error);

    private static TaskOutcome Runtime(string cause) => TaskOutcome.Failure(new AslError(StatesErrorNames.Runtime, cause));
}
