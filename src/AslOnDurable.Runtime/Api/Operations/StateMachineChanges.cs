using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// Read-modify-write of a registered resource as one compare-and-swap, tried again on a race: a change made meanwhile by
/// another request or host (an update, a tag, a published version number) is kept, never overwritten.
/// </summary>
internal static class StateMachineChanges
{
    /// <summary>Applies <paramref name="change"/> to the state machine as it is stored now.</summary>
    /// <param name="api">The shared resources.</param>
    /// <param name="arn">The state machine ARN (InvalidArn / StateMachineDoesNotExist as <see cref="ApiResources.StateMachineAsync"/>).</param>
    /// <param name="change">The new record from the current one (pure: it may run more than once).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The record before and after the change.</returns>
    public static async Task<(StateMachineRecord Before, StateMachineRecord After)> ChangeAsync(
        ApiResources api, string? arn, Func<StateMachineRecord, StateMachineRecord> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            StateMachineRecord current = await api.StateMachineAsync(arn, cancellationToken).ConfigureAwait(false);
            StateMachineRecord updated = change(current);
            if (await api.StateMachines.ReplaceAsync(current, updated, cancellationToken).ConfigureAwait(false))
            {
                api.Recent.Forget(current.Arn);
                return (current, updated);
            }
        }
    }

    /// <summary>Applies <paramref name="change"/> to a stored record, or answers <c>null</c> when it does not exist.</summary>
    /// <typeparam name="TRecord">The record.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="arn">The ARN.</param>
    /// <param name="change">The new record from the current one (pure: it may run more than once).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new record, or <c>null</c>.</returns>
    public static async Task<TRecord?> ChangeAsync<TRecord>(IResourceStore<TRecord> store, string arn, Func<TRecord, TRecord> change, CancellationToken cancellationToken)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        while (await store.GetAsync(arn, cancellationToken).ConfigureAwait(false) is { } current)
        {
            TRecord updated = change(current);
            if (await store.ReplaceAsync(current, updated, cancellationToken).ConfigureAwait(false))
            {
                return updated;
            }
        }

        return null;
    }
}
