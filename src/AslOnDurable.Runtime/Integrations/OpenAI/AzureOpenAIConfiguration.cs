using System.Collections.Frozen;

namespace AslOnDurable.Runtime.Integrations.OpenAI;

/// <summary>The <c>azureOpenAI</c> section: deployments by name, and which one each Bedrock model id runs on.</summary>
public sealed record AzureOpenAIConfiguration
{
    /// <summary>Deployments by the name Tasks use (<c>Deployment</c> of <c>openai:chatCompletions</c>).</summary>
    public FrozenDictionary<string, AzureOpenAIDeployment> Deployments { get; init; } = FrozenDictionary<string, AzureOpenAIDeployment>.Empty;

    /// <summary>Bedrock model ids (<c>anthropic.claude-3-haiku-20240307-v1:0</c>, or <c>*</c> for any) to deployment names.</summary>
    public FrozenDictionary<string, string> BedrockModels { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>The deployment a Bedrock model id runs on.</summary>
    /// <param name="modelId">The model id (not an ARN); an inference profile id (<c>us.…</c>) also matches its base model's entry.</param>
    /// <returns>The deployment, or <see langword="null"/> when none is mapped.</returns>
    public AzureOpenAIDeployment? ForBedrockModel(string modelId) =>
        (BedrockModels.TryGetValue(modelId, out string? name)
            || BedrockModels.TryGetValue(BedrockModelTranslation.BaseModelId(modelId), out name)
            || BedrockModels.TryGetValue("*", out name))
        && Deployments.TryGetValue(name, out AzureOpenAIDeployment? deployment)
            ? deployment
            : null;
}
