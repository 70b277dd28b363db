using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Parsing;
using Xunit;

namespace AslOnDurable.Testing;

/// <summary>Parses a definition, runs it once on a host and keeps the history.</summary>
public static class EngineRun
{
    /// <summary>Parses and compiles a definition, failing the test with its diagnostics when invalid.</summary>
    public static ExecutionPlan Compile(string definitionJson)
    {
        var parsed = DefinitionParser.Parse(definitionJson);
        Assert.True(parsed.Definition is not null, "invalid definition: " + string.Join("; ", parsed.Diagnostics));
        return ExecutionPlan.Compile(parsed.Definition!);
    }

    /// <summary>Runs a definition with an input on a host.</summary>
    public static ExecutionResult Run(string definitionJson, string inputJson, IExecutionHost host, ListHistorySink? history = null, int? maxPayloadBytes = null) =>
        new Interpreter(Compile(definitionJson))
            .RunAsync(
                new ExecutionRequest { Input = JsonNode.Parse(inputJson, documentOptions: Core.Json.JsonLimits.DocumentOptions), Name = "exec-1", StateMachineName = "machine" },
                host,
                new ExecutionOptions { History = history, MaxPayloadBytes = maxPayloadBytes ?? ExecutionOptions.DefaultMaxPayloadBytes })
            .AsTask().GetAwaiter().GetResult();

    /// <summary>Runs on a fresh <see cref="FakeExecutionHost"/>.</summary>
    public static ExecutionResult Run(string definitionJson, string inputJson = "{}") => Run(definitionJson, inputJson, new FakeExecutionHost());
}
