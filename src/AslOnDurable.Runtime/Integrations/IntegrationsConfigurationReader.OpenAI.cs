using System.Collections.Frozen;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Integrations.OpenAI;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>The <c>azureOpenAI</c> section: deployments, and the Bedrock model ids that run on them.</summary>
public sealed partial class IntegrationsConfigurationReader
{
    private const string DefaultOpenAIApiVersion = "2024-10-21";

    private AzureOpenAIConfiguration? ReadAzureOpenAI(JsonNode? node, List<string> problems)
    {
        if (node is not JsonObject fields)
        {
            problems.Add("/azureOpenAI: must be an object with 'deployments' (and 'bedrockModels').");
            return null;
        }

        Dictionary<string, AzureOpenAIDeployment> deployments = new(StringComparer.Ordinal);
        Dictionary<string, string> models = new(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            switch (key)
            {
                case "deployments":
                    ReadDeployments(value, deployments, problems);
                    break;
                case "bedrockModels":
                    if (value is not JsonObject map)
                    {
                        problems.Add("/azureOpenAI/bedrockModels: must be an object of Bedrock model id to deployment name.");
                        break;
                    }

                    foreach (var (model, target) in map)
                    {
                        if (JsonText.TryString(target, out string? deployment) && deployment.Length > 0)
                        {
                            models[model] = deployment;
                        }
                        else
                        {
                            problems.Add($"/azureOpenAI/bedrockModels/{Escape(model)}: must be the name of a deployment.");
                        }
                    }

                    break;
                default:
                    problems.Add($"/azureOpenAI/{Escape(key)}: unknown field (expected deployments, bedrockModels).");
                    break;
            }
        }

        foreach (var (model, deployment) in models)
        {
            if (!deployments.ContainsKey(deployment) && fields["deployments"] is JsonObject declared && !declared.ContainsKey(deployment))
            {
                problems.Add($"/azureOpenAI/bedrockModels/{Escape(model)}: no deployment named '{deployment}' under azureOpenAI.deployments.");
            }
        }

        return new AzureOpenAIConfiguration
        {
            Deployments = deployments.ToFrozenDictionary(StringComparer.Ordinal),
            BedrockModels = models.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }

    private void ReadDeployments(JsonNode? node, Dictionary<string, AzureOpenAIDeployment> deployments, List<string> problems)
    {
        if (node is not JsonObject map)
        {
            problems.Add("/azureOpenAI/deployments: must be an object of name to deployment.");
            return;
        }

        foreach (var (name, value) in map)
        {
            string at = "/azureOpenAI/deployments/" + Escape(name);
            int before = problems.Count;
            EndpointFields? endpoint = ReadEndpoint(value, at, "apiKey", ["deployment", "apiVersion"], problems);
            string deployment = name;
            string apiVersion = DefaultOpenAIApiVersion;
            if (value is JsonObject fields)
            {
                if (fields.ContainsKey("deployment") && !(JsonText.TryString(fields["deployment"], out deployment!) && deployment.Length > 0))
                {
                    problems.Add($"{at}/deployment: must be the deployment's name in the Azure OpenAI resource.");
                }

                if (fields.ContainsKey("apiVersion") && !(JsonText.TryString(fields["apiVersion"], out apiVersion!) && apiVersion.Length > 0))
                {
                    problems.Add($"{at}/apiVersion: must be an API version such as \"{DefaultOpenAIApiVersion}\".");
                }
            }

            if (problems.Count == before && endpoint is not null)
            {
                deployments[name] = new AzureOpenAIDeployment(endpoint.Endpoint, deployment, apiVersion, endpoint.Authentication, endpoint.AllowPrivateNetwork, endpoint.Timeout);
            }
        }
    }
}
