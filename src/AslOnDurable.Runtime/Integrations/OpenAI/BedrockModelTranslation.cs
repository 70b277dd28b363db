using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations.OpenAI;

/// <summary>
/// Translates Bedrock InvokeModel bodies into Chat Completions requests and the completion back into the model's own
/// response shape, so a definition's ResultSelector (<c>$.Body.content[0].text</c>, <c>$.Body.results[0].outputText</c>)
/// reads the same fields it reads on AWS. Text content only; the family comes from the model id's provider prefix.
/// </summary>
internal static class BedrockModelTranslation
{
    /// <summary>The family of a model id (cross-region inference profile prefixes such as <c>us.</c> are ignored).</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="body">The request body (a <c>messages</c> array in Chat Completions shape selects that family for unknown providers).</param>
    /// <returns>The family, or <see langword="null"/> when the model's shape is not known.</returns>
    public static BedrockModelFamily? FamilyOf(string modelId, JsonObject body)
    {
        string id = BaseModelId(modelId);
        return id switch
        {
            _ when id.StartsWith("anthropic.", StringComparison.Ordinal) => BedrockModelFamily.Anthropic,
            _ when id.StartsWith("amazon.nova", StringComparison.Ordinal) => BedrockModelFamily.Nova,
            _ when id.StartsWith("amazon.titan-text", StringComparison.Ordinal) => BedrockModelFamily.TitanText,
            _ when id.StartsWith("meta.llama", StringComparison.Ordinal) => BedrockModelFamily.Llama,
            _ when id.StartsWith("mistral.", StringComparison.Ordinal) => BedrockModelFamily.Mistral,
            _ when body["messages"] is JsonArray => BedrockModelFamily.ChatCompletions,
            _ => null,
        };
    }

    /// <summary>A model id without its cross-region inference profile prefix (<c>us.anthropic.…</c> → <c>anthropic.…</c>).</summary>
    /// <param name="modelId">The model or inference profile id.</param>
    /// <returns>The base model id.</returns>
    public static string BaseModelId(string modelId)
    {
        foreach (string profile in (string[])["us.", "eu.", "apac.", "us-gov.", "global."])
        {
            if (modelId.StartsWith(profile, StringComparison.Ordinal))
            {
                return modelId[profile.Length..];
            }
        }

        return modelId;
    }

    /// <summary>The Chat Completions request of a Bedrock body.</summary>
    /// <param name="family">The model family.</param>
    /// <param name="body">The InvokeModel body.</param>
    /// <param name="error">What is wrong with the body.</param>
    /// <returns>The request, or <see langword="null"/> with <paramref name="error"/>.</returns>
    public static JsonObject? ToChat(BedrockModelFamily family, JsonObject body, out string? error)
    {
        error = null;
        JsonArray messages = [];
        JsonObject request = [];
        switch (family)
        {
            case BedrockModelFamily.ChatCompletions:
                JsonObject copy = body.DeepClone().AsObject();
                copy.Remove("model");
                return copy;
            case BedrockModelFamily.Anthropic:
                if (body["system"] is { } system && Text(system, "text") is { } systemText)
                {
                    messages.Add(Message("system", systemText));
                }

                if (!AddMessages(body["messages"], "text", messages, out error))
                {
                    return null;
                }

                Copy(body, "max_tokens", request, "max_tokens");
                Copy(body, "temperature", request, "temperature");
                Copy(body, "top_p", request, "top_p");
                Copy(body, "stop_sequences", request, "stop");
                break;
            case BedrockModelFamily.Nova:
                if (body["system"] is { } novaSystem && Text(novaSystem, "text") is { } novaSystemText)
                {
                    messages.Add(Message("system", novaSystemText));
                }

                if (!AddMessages(body["messages"], "text", messages, out error))
                {
                    return null;
                }

                if (body["inferenceConfig"] is JsonObject config)
                {
                    Copy(config, "maxTokens", request, "max_tokens");
                    Copy(config, "max_new_tokens", request, "max_tokens");
                    Copy(config, "temperature", request, "temperature");
                    Copy(config, "topP", request, "top_p");
                    Copy(config, "stopSequences", request, "stop");
                }

                break;
            case BedrockModelFamily.TitanText:
                if (!JsonText.TryString(body["inputText"], out string? input))
                {
                    error = "Malformed input request: #: required key [inputText] not found, please reformat your input and try again.";
                    return null;
                }

                messages.Add(Message("user", input));
                if (body["textGenerationConfig"] is JsonObject generation)
                {
                    Copy(generation, "maxTokenCount", request, "max_tokens");
                    Copy(generation, "temperature", request, "temperature");
                    Copy(generation, "topP", request, "top_p");
                    Copy(generation, "stopSequences", request, "stop");
                }

                break;
            default:
                if (!JsonText.TryString(body["prompt"], out string? prompt))
                {
                    error = "Malformed input request: #: required key [prompt] not found, please reformat your input and try again.";
                    return null;
                }

                messages.Add(Message("user", prompt));
                Copy(body, family == BedrockModelFamily.Llama ? "max_gen_len" : "max_tokens", request, "max_tokens");
                Copy(body, "temperature", request, "temperature");
                Copy(body, "top_p", request, "top_p");
                Copy(body, "stop", request, "stop");
                break;
        }

        request["messages"] = messages;
        return request;
    }

    /// <summary>The model's own response shape of a completion.</summary>
    /// <param name="family">The model family.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="completion">The Chat Completions response.</param>
    /// <returns>The response as the model returns it on Bedrock.</returns>
    public static JsonObject FromChat(BedrockModelFamily family, string modelId, JsonObject completion)
    {
        if (family == BedrockModelFamily.ChatCompletions)
        {
            return completion;
        }

        JsonObject? choice = (completion["choices"] as JsonArray)?.FirstOrDefault() as JsonObject;
        string text = JsonText.TryString(choice?["message"]?["content"], out string? content) ? content : string.Empty;
        bool truncated = JsonText.TryString(choice?["finish_reason"], out string? finish) && finish == "length";
        int input = Tokens(completion, "prompt_tokens");
        int output = Tokens(completion, "completion_tokens");
        return family switch
        {
            BedrockModelFamily.Anthropic => new JsonObject
            {
                ["id"] = JsonText.TryString(completion["id"], out string? id) ? id : "msg_" + Guid.NewGuid().ToString("N"),
                ["type"] = "message",
                ["role"] = "assistant",
                ["model"] = modelId,
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
                ["stop_reason"] = truncated ? "max_tokens" : "end_turn",
                ["stop_sequence"] = null,
                ["usage"] = new JsonObject { ["input_tokens"] = input, ["output_tokens"] = output },
            },
            BedrockModelFamily.Nova => new JsonObject
            {
                ["output"] = new JsonObject
                {
                    ["message"] = new JsonObject { ["content"] = new JsonArray(new JsonObject { ["text"] = text }), ["role"] = "assistant" },
                },
                ["stopReason"] = truncated ? "max_tokens" : "end_turn",
                ["usage"] = new JsonObject { ["inputTokens"] = input, ["outputTokens"] = output, ["totalTokens"] = input + output },
            },
            BedrockModelFamily.TitanText => new JsonObject
            {
                ["inputTextTokenCount"] = input,
                ["results"] = new JsonArray(new JsonObject
                {
                    ["tokenCount"] = output, ["outputText"] = text, ["completionReason"] = truncated ? "LENGTH" : "FINISH",
                }),
            },
            BedrockModelFamily.Llama => new JsonObject
            {
                ["generation"] = text,
                ["prompt_token_count"] = input,
                ["generation_token_count"] = output,
                ["stop_reason"] = truncated ? "length" : "stop",
            },
            _ => new JsonObject
            {
                ["outputs"] = new JsonArray(new JsonObject { ["text"] = text, ["stop_reason"] = truncated ? "length" : "stop" }),
            },
        };
    }

    private static int Tokens(JsonObject completion, string name) =>
        completion["usage"]?[name] is JsonValue value && value.TryGetValue(out int count) ? count : 0;

    private static bool AddMessages(JsonNode? node, string textField, JsonArray messages, out string? error)
    {
        error = null;
        if (node is not JsonArray given || given.Count == 0)
        {
            error = "Malformed input request: #: required key [messages] not found, please reformat your input and try again.";
            return false;
        }

        foreach (JsonNode? item in given)
        {
            if (item is not JsonObject message || !JsonText.TryString(message["role"], out string? role) || role is not ("user" or "assistant"))
            {
                error = "Malformed input request: each message needs a role of \"user\" or \"assistant\".";
                return false;
            }

            if (Text(message["content"], textField) is not { } text)
            {
                error = "Malformed input request: message content must be text (a string or text blocks); other content types have no translation here.";
                return false;
            }

            messages.Add(Message(role, text));
        }

        return true;
    }

    /// <summary>A string, or the concatenated text of an array of <c>{"type": "text", "text": …}</c> / <c>{"text": …}</c> blocks.</summary>
    private static string? Text(JsonNode? node, string textField)
    {
        if (JsonText.TryString(node, out string? text))
        {
            return text;
        }

        if (node is not JsonArray blocks)
        {
            return null;
        }

        StringBuilder joined = new();
        foreach (JsonNode? block in blocks)
        {
            if (block is not JsonObject fields || !JsonText.TryString(fields[textField], out string? part)
                || (fields["type"] is { } type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() != "text"))
            {
                return null;
            }

            joined.Append(part);
        }

        return joined.ToString();
    }

    private static JsonObject Message(string role, string content) => new() { ["role"] = role, ["content"] = content };

    private static void Copy(JsonObject from, string name, JsonObject to, string target)
    {
        if (from[name] is { } value)
        {
            to[target] = value.DeepClone();
        }
    }
}
