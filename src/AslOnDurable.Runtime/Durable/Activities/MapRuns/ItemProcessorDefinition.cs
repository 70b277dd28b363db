using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>
/// A Map state's ItemProcessor (or Iterator) as a state machine definition of its own, for STANDARD map-run children
/// that run as executions of their own: ProcessorConfig dropped, the parent's QueryLanguage kept.
/// </summary>
internal static class ItemProcessorDefinition
{
    /// <summary>Finds the Map state named <paramref name="stateName"/> anywhere in the definition and returns its processor's text.</summary>
    public static string Extract(string definition, string stateName)
    {
        var root = JsonNode.Parse(definition, null, JsonLimits.DocumentOptions) as JsonObject
            ?? throw new ArgumentException("The definition is not a JSON object.", nameof(definition));
        var processor = Find(root, stateName)
            ?? throw new ArgumentException($"The definition has no Map state '{stateName}' with an ItemProcessor.", nameof(stateName));
        var machine = (JsonObject)processor.DeepClone();
        machine.Remove("ProcessorConfig");
        if (!machine.ContainsKey("QueryLanguage") && root["QueryLanguage"] is { } language)
        {
            machine["QueryLanguage"] = language.DeepClone();
        }

        return machine.ToJsonString(JsonLimits.SerializerOptions);
    }

    private static JsonObject? Find(JsonObject machine, string stateName)
    {
        if (machine["States"] is not JsonObject states)
        {
            return null;
        }

        foreach (var (name, node) in states)
        {
            if (node is not JsonObject state)
            {
                continue;
            }

            var processor = (state["ItemProcessor"] ?? state["Iterator"]) as JsonObject;
            if (name == stateName && processor is not null)
            {
                return processor;
            }

            if (processor is not null && Find(processor, stateName) is { } inMap)
            {
                return inMap;
            }

            if (state["Branches"] is JsonArray branches)
            {
                foreach (var branch in branches.OfType<JsonObject>())
                {
                    if (Find(branch, stateName) is { } inBranch)
                    {
                        return inBranch;
                    }
                }
            }
        }

        return null;
    }
}
