using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Runtime.Api.Testing;

/// <summary>TestState's <c>mock</c>: the Task answers the mocked result, or fails with the mocked error, without calling anything.</summary>
/// <param name="result">The result as JSON text, or <c>null</c>.</param>
/// <param name="error">The error, when no result.</param>
internal sealed class TestStateMockHandler(string? result, AslError? error) : ITaskHandler
{
    /// <inheritdoc />
    public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation) =>
        new(result is not null
            ? TaskOutcome.Success(JsonNode.Parse(result, documentOptions: JsonLimits.DocumentOptions))
            : TaskOutcome.Failure(error!));
}
