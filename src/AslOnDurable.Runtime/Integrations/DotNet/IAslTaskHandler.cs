using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations.DotNet;

/// <summary>
/// A .NET task handler: code in the Functions app (registered in its services) or in a plugin assembly loaded by
/// <c>asl --handlers</c>, that Task states call by name. A Task names it with a Lambda function ARN
/// (<c>arn:aws:lambda:&lt;region&gt;:&lt;account&gt;:function:&lt;Name&gt;</c>, bare or through <c>lambda:invoke</c>), directly or
/// through the integrations configuration's <c>functions</c> section, so definitions written for Lambda run unchanged.
/// It runs inside the durable task activity, with the Task's effective input.
/// </summary>
/// <remarks>
/// An exception thrown by <see cref="InvokeAsync"/> fails the attempt with the exception's type name as <c>Error</c> and
/// its message as <c>Cause</c> (Retry and Catch apply). Plugin types need a public parameterless constructor.
/// </remarks>
public interface IAslTaskHandler
{
    /// <summary>The name Tasks use (the Lambda function name it stands for): letters, digits, '-' and '_'.</summary>
    string Name { get; }

    /// <summary>Runs one attempt.</summary>
    /// <param name="input">The Task's effective input (for <c>lambda:invoke</c>, its <c>Payload</c>).</param>
    /// <param name="context">The state, execution, attempt and task token.</param>
    /// <param name="cancellationToken">Cancelled when the attempt timed out.</param>
    /// <returns>The result.</returns>
    Task<JsonNode?> InvokeAsync(JsonNode? input, AslTaskContext context, CancellationToken cancellationToken);
}
