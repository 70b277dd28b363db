using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Protocol;

/// <summary>One action of the Step Functions API (JSON text in, JSON text out; refusals are <see cref="ApiException"/>s).</summary>
internal interface IApiOperation
{
    /// <summary>Gets the action name, as in <c>X-Amz-Target: AWSStepFunctions.&lt;Action&gt;</c>.</summary>
    string Action { get; }

    /// <summary>Handles one request.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="client">The client of the host's task hub.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response body.</returns>
    Task<string> HandleAsync(string body, IExecutionClient client, CancellationToken cancellationToken);
}
