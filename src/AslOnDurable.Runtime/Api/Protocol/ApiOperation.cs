using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Protocol;

/// <summary>An action with a request and a response contract, read and written with <see cref="ApiJson"/>.</summary>
/// <typeparam name="TRequest">The request contract.</typeparam>
/// <typeparam name="TResponse">The response contract.</typeparam>
internal abstract class ApiOperation<TRequest, TResponse> : IApiOperation
    where TRequest : class
{
    /// <inheritdoc />
    public abstract string Action { get; }

    /// <inheritdoc />
    public async Task<string> HandleAsync(string body, IExecutionClient client, CancellationToken cancellationToken) =>
        ApiJson.Write(await HandleAsync(ApiJson.Read<TRequest>(body), client, cancellationToken).ConfigureAwait(false));

    /// <summary>Handles one request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The client of the host's task hub.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    protected abstract Task<TResponse> HandleAsync(TRequest request, IExecutionClient client, CancellationToken cancellationToken);
}
