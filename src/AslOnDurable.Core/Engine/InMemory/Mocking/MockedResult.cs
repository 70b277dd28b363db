using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.InMemory.Mocking;

/// <summary>One mocked answer: <c>Return</c> (the task's raw result, before ResultSelector) or <c>Throw</c>.</summary>
/// <param name="Return">The result to return (shared: copied per call).</param>
/// <param name="Throw">The error to fail with, or <see langword="null"/>.</param>
public sealed record MockedResult(JsonNode? Return, AslError? Throw)
{
    /// <summary>The outcome of one call (a fresh copy of the result).</summary>
    /// <returns>The outcome.</returns>
    public TaskOutcome ToOutcome() => Throw is not null ? TaskOutcome.Failure(Throw) : TaskOutcome.Success(Return?.DeepClone());
}
