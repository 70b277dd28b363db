using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>A compiled JSONata expression.</summary>
public interface IJsonataExpression
{
    /// <summary>Evaluates the expression with <c>$states</c> and the workflow variables bound.</summary>
    /// <param name="states">The <c>$states</c> object (<c>input</c>, <c>result</c>, <c>errorOutput</c>; the library's expressions add <c>context</c> as a value when they read it); read-only.</param>
    /// <param name="environment">Variables (<c>$name</c>), ids and randomness.</param>
    /// <param name="result">The value, a new node the caller owns.</param>
    /// <returns><see langword="false"/> when the result is undefined.</returns>
    /// <exception cref="Errors.AslErrorException">With <c>States.QueryEvaluationError</c> when evaluation fails.</exception>
    bool TryEvaluate(JsonNode? states, IEvaluationEnvironment environment, out JsonNode? result);
}
