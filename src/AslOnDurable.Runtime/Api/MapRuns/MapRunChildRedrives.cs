using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.MapRuns;

/// <summary>
/// The API host's <see cref="IMapRunChildRedrives"/>: a child is restarted by <see cref="ExecutionRestarts"/> (as
/// RedriveExecution restarts an execution), its outcome read from its durable instance.
/// </summary>
/// <param name="api">The shared resources.</param>
/// <param name="client">The client of the host's task hub, once it has started.</param>
internal sealed class MapRunChildRedrives(ApiResources api, Func<IExecutionClient?> client) : IMapRunChildRedrives
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a redrive waits for a child of an aborted chunk to close before it redrives it.</summary>
    private static readonly TimeSpan ClosingWait = TimeSpan.FromSeconds(5);

    private IExecutionClient Client => client() ?? throw new InvalidOperationException("The host's task hub client is not ready.");

    /// <inheritdoc />
    public async Task<string?> RedriveAsync(string executionArn, DateTimeOffset redriveDate, CancellationToken cancellationToken)
    {
        try
        {
            ExecutionRecord child = await api.ExecutionAsync(executionArn, cancellationToken).ConfigureAwait(false);
            if (child.RedriveDate == redriveDate)
            {
                return null; // this redrive restarted it already (the activity ran again)
            }

            // A child of an aborted chunk may still be closing (the termination not yet applied), or may have ended on its
            // own just before it: wait a little for it to close; one that succeeded is kept as it is.
            DateTimeOffset until = DateTimeOffset.UtcNow + ClosingWait;
            ExecutionOutcome outcome = await ExecutionOutcomes.OfAsync(child, Client, cancellationToken).ConfigureAwait(false);
            while (outcome.Status == "RUNNING" && DateTimeOffset.UtcNow < until)
            {
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                outcome = await ExecutionOutcomes.OfAsync(child, Client, cancellationToken).ConfigureAwait(false);
            }

            if (outcome.Status == "SUCCEEDED")
            {
                return null;
            }

            await ExecutionRestarts.RestartAsync(api, child, Client, redriveDate, token: null, byMapRun: true, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (ApiException e)
        {
            return e.Message;
        }
    }

    /// <inheritdoc />
    public async Task StartAsync(MapRunChildStart child, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(child);
        await MapRunDirectory.RegisterAsync(api.Executions, child, cancellationToken).ConfigureAwait(false);
        if (await Client.GetAsync(child.InstanceId, cancellationToken).ConfigureAwait(false) is null)
        {
            await Client.StartAsync(OrchestratorNames.StateMachine, child.InstanceId, payload, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<MapRunChild?> OutcomeAsync(string executionArn, DateTimeOffset redriveDate, TimeSpan wait, CancellationToken cancellationToken)
    {
        ExecutionRecord child = await api.ExecutionAsync(executionArn, cancellationToken).ConfigureAwait(false);
        DateTimeOffset until = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            // A closed instance last updated before the redrive shows the previous run (the restart not yet taken up), unless
            // it succeeded: such a child (of an aborted chunk, which ended on its own) was not redriven.
            ExecutionSnapshot? snapshot = await Client.GetAsync(child.InstanceId, cancellationToken).ConfigureAwait(false);
            if (snapshot is { IsTerminal: true } && (snapshot.LastUpdatedAt >= redriveDate || ExecutionOutcomes.FromSnapshot(snapshot, child).Status == "SUCCEEDED"))
            {
                ExecutionOutcome outcome = ExecutionOutcomes.FromSnapshot(snapshot, child);
                bool succeeded = outcome.Status == "SUCCEEDED";
                return new MapRunChild(
                    child.Name,
                    JsonNode.Parse(child.InputJson),
                    outcome.Status,
                    succeeded ? JsonNode.Parse(outcome.Output ?? "null") : null,
                    succeeded ? null : new AslError(outcome.Error ?? StatesErrorNames.Runtime, outcome.Cause),
                    child.StartDate,
                    outcome.StopDate ?? DateTimeOffset.UtcNow);
            }

            if (DateTimeOffset.UtcNow >= until)
            {
                return null;
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }
}
