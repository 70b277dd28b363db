using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// Publishing versions (PublishStateMachineVersion, and <c>publish</c> on CreateStateMachine/UpdateStateMachine) and
/// resolving what StartExecution runs: a state machine's latest revision, a version, or an alias's version.
/// </summary>
/// <param name="api">The shared resources.</param>
internal sealed class StateMachineVersions(ApiResources api) : IDisposable
{
    /// <summary>AWS's longest version or alias description.</summary>
    public const int MaxDescriptionLength = 256;

    private readonly SemaphoreSlim publishing = new(1, 1);

    /// <summary>
    /// Publishes the state machine's current revision as a new version; when that revision already has a version,
    /// answers it (AWS: publishing is idempotent per revision).
    /// </summary>
    /// <param name="stateMachineArn">The state machine.</param>
    /// <param name="revisionId">The revision the caller expects, or <c>null</c> (another is <c>ConflictException</c>).</param>
    /// <param name="description">The version's description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The version.</returns>
    public async Task<StateMachineVersionRecord> PublishAsync(string stateMachineArn, string? revisionId, string? description, CancellationToken cancellationToken)
    {
        RequestFields.Length(description, "description", MaxDescriptionLength);
        await publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A race with another host (published, updated or tagged meanwhile) decides again on what is stored now.
            while (true)
            {
                if (await TryPublishAsync(stateMachineArn, revisionId, description, cancellationToken).ConfigureAwait(false) is { } version)
                {
                    return version;
                }
            }
        }
        finally
        {
            publishing.Release();
        }
    }

    private async Task<StateMachineVersionRecord?> TryPublishAsync(string stateMachineArn, string? revisionId, string? description, CancellationToken cancellationToken)
    {
        StateMachineRecord machine = await api.StateMachineAsync(stateMachineArn, cancellationToken).ConfigureAwait(false);
        if (revisionId is not null && revisionId != machine.RevisionId)
        {
            throw new ApiException(ApiErrorTypes.ConflictException, $"Failed to publish the State Machine version for revision {revisionId}. The current State Machine revision is {machine.RevisionId ?? "INITIAL"}.");
        }

        if (machine.LastVersion > 0
            && await api.Versions.GetAsync(ResourceArns.Qualified(machine.Arn, Number(machine.LastVersion)), cancellationToken).ConfigureAwait(false) is { } latest
            && latest.Snapshot.RevisionId == machine.RevisionId && latest.Snapshot.Definition == machine.Definition)
        {
            return latest;
        }

        int number = machine.LastVersion + 1;
        StateMachineRecord numbered = machine with { LastVersion = number };
        if (!await api.StateMachines.ReplaceAsync(machine, numbered, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        api.Recent.Forget(machine.Arn);

        StateMachineVersionRecord version = new(ResourceArns.Qualified(machine.Arn, Number(number)), number, numbered, description, api.Now);
        return await api.Versions.GetOrAddAsync(version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What a start by <paramref name="arn"/> runs: the latest revision of a state machine, a version, or the version an
    /// alias routes this execution to (by weight, the same version for the same execution name).
    /// </summary>
    /// <param name="arn">A state machine, version or alias ARN.</param>
    /// <param name="executionName">The execution's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The state machine as it runs, and the version and alias ARNs when started by one.</returns>
    public async Task<(StateMachineRecord Machine, string? VersionArn, string? AliasArn)> ResolveAsync(string? arn, string executionName, CancellationToken cancellationToken)
    {
        string text = RequestFields.Arn(arn, "stateMachineArn");
        var (_, qualifier) = api.Arns.QualifiedStateMachine(text);
        if (qualifier is null)
        {
            return (await api.StartableStateMachineAsync(text, cancellationToken).ConfigureAwait(false), null, null);
        }

        string? aliasArn = null;
        string versionArn = text;
        if (!ResourceArns.IsVersion(qualifier))
        {
            StateMachineAliasRecord alias = await api.Aliases.GetAsync(text, cancellationToken).ConfigureAwait(false)
                ?? throw new ApiException(ApiErrorTypes.StateMachineDoesNotExist, $"State Machine Does Not Exist: '{text}'");
            aliasArn = alias.Arn;
            versionArn = Route(alias, executionName);
        }

        StateMachineVersionRecord version = await api.Versions.GetAsync(versionArn, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiException(ApiErrorTypes.StateMachineDoesNotExist, $"State Machine Does Not Exist: '{versionArn}'");
        return (version.Snapshot, version.Arn, aliasArn);
    }

    /// <inheritdoc />
    public void Dispose() => publishing.Dispose();

    /// <summary>The version an alias sends an execution to: a stable hash of its name (0-99) against the cumulative weights.</summary>
    public static string Route(StateMachineAliasRecord alias, string executionName)
    {
        ArgumentNullException.ThrowIfNull(alias);
        uint hash = 2166136261;
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(executionName))
        {
            hash = (hash ^ b) * 16777619;
        }

        int slot = (int)(hash % 100);
        int upTo = 0;
        foreach (var route in alias.RoutingConfiguration)
        {
            upTo += route.Weight ?? 0;
            if (slot < upTo)
            {
                return route.StateMachineVersionArn!;
            }
        }

        return alias.RoutingConfiguration[^1].StateMachineVersionArn!;
    }

    private static string Number(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
