namespace AslOnDurable.Runtime.Integrations.OpenAI;

/// <summary>The request/response shapes of the Bedrock model families a Chat Completions deployment can stand in for.</summary>
public enum BedrockModelFamily
{
    /// <summary>The body already is a Chat Completions request (<c>messages</c>); the response is returned as is.</summary>
    ChatCompletions,

    /// <summary>Anthropic Claude's Messages API (<c>anthropic.*</c>).</summary>
    Anthropic,

    /// <summary>Amazon Nova's messages (<c>amazon.nova-*</c>).</summary>
    Nova,

    /// <summary>Amazon Titan Text (<c>amazon.titan-text-*</c>).</summary>
    TitanText,

    /// <summary>Meta Llama's prompt completion (<c>meta.llama*</c>).</summary>
    Llama,

    /// <summary>Mistral's prompt completion (<c>mistral.*</c>).</summary>
    Mistral,
}
