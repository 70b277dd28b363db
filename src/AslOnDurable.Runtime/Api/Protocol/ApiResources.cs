using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Protocol;

/// <summary>What the actions share: ARNs, the registry, the execution index and history, the starter and the clock.</summary>
/// <param name="Arns">Builds and reads ARNs.</param>
/// <param name="StateMachines">The state machine registry.</param>
/// <param name="Executions">The execution index.</param>
/// <param name="History">The history of durable executions.</param>
/// <param name="Starter">Starts durable executions.</param>
/// <param name="Plans">Compiled definitions.</param>
/// <param name="Tasks">Runs Task states of EXPRESS executions.</param>
/// <param name="Time">The clock.</param>
/// <param name="Versions">Published state machine versions.</param>
/// <param name="Aliases">State machine aliases.</param>
internal sealed record ApiResources(
    ResourceArns Arns, IStateMachineStore StateMachines, IExecutionIndex Executions, IExecutionHistoryStore History,
    ExecutionStarter Starter, ExecutionPlanCache Plans, ITaskHandler Tasks, TimeProvider Time,
    IStateMachineVersionStore Versions, IStateMachineAliasStore Aliases)
{
    /// <summary>AWS's execution-type names.</summary>
    public const string Standard = "STANDARD";

    /// <summary>AWS's EXPRESS type.</summary>
    public const string Express = "EXPRESS";

    /// <summary>Gets the state machines read for recent starts (see <see cref="StartableStateMachineAsync"/>).</summary>
    public RecentStateMachines Recent { get; } = new(StateMachines, Time);

    /// <summary>The current time in whole milliseconds (AWS's resolution).</summary>
    public DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(Time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>Finds a state machine, or fails with InvalidArn / StateMachineDoesNotExist.</summary>
    public async Task<StateMachineRecord> StateMachineAsync(string? arn, CancellationToken cancellationToken)
    {
        string text = RequestFields.Arn(arn, "stateMachineArn");
        Arns.StateMachineName(text);
        return await StateMachines.GetAsync(text, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiException(ApiErrorTypes.StateMachineDoesNotExist, $"State Machine Does Not Exist: '{text}'");
    }

    /// <summary>
    /// Finds a state machine to start an execution of (read at most once a second per host: <see cref="RecentStateMachines"/>),
    /// or fails with InvalidArn / StateMachineDoesNotExist.
    /// </summary>
    public async Task<StateMachineRecord> StartableStateMachineAsync(string arn, CancellationToken cancellationToken)
    {
        Arns.StateMachineName(arn);
        return await Recent.GetAsync(arn, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiException(ApiErrorTypes.StateMachineDoesNotExist, $"State Machine Does Not Exist: '{arn}'");
    }

    /// <summary>Finds a version by its ARN, or fails with InvalidArn / ResourceNotFound.</summary>
    public async Task<StateMachineVersionRecord> VersionAsync(string? arn, string field, CancellationToken cancellationToken)
    {
        string text = RequestFields.Arn(arn, field);
        if (Arns.QualifiedStateMachine(text).Qualifier is not { } qualifier || !ResourceArns.IsVersion(qualifier))
        {
            throw new ApiException(ApiErrorTypes.InvalidArn, $"Invalid Arn: 'Resource type not valid in this context: {text}'");
        }

        return await Versions.GetAsync(text, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiException(ApiErrorTypes.ResourceNotFound, $"Resource not found: '{text}'");
    }

    /// <summary>Finds an alias by its ARN, or fails with InvalidArn / ResourceNotFound.</summary>
    public async Task<StateMachineAliasRecord> AliasAsync(string? arn, CancellationToken cancellationToken)
    {
        string text = RequestFields.Arn(arn, "stateMachineAliasArn");
        if (Arns.QualifiedStateMachine(text).Qualifier is not { } qualifier || ResourceArns.IsVersion(qualifier))
        {
            throw new ApiException(ApiErrorTypes.InvalidArn, $"Invalid Arn: 'Resource type not valid in this context: {text}'");
        }

        return await Aliases.GetAsync(text, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiException(ApiErrorTypes.ResourceNotFound, $"Resource not found: '{text}'");
    }

    /// <summary>Finds an execution in the index, or fails with InvalidArn / ExecutionDoesNotExist.</summary>
    public Task<ExecutionRecord> ExecutionAsync(string? arn, CancellationToken cancellationToken) => ExecutionAsync(arn, null, cancellationToken);

    /// <summary>
    /// Finds an execution, or fails with InvalidArn / ExecutionDoesNotExist; with the backend's <paramref name="client"/>
    /// also one a parent started that the index does not hold yet (<see cref="Api.Executions.NestedExecutions"/>: then it
    /// is added to the index).
    /// </summary>
    public async Task<ExecutionRecord> ExecutionAsync(string? arn, IExecutionClient? client, CancellationToken cancellationToken)
    {
        string text = RequestFields.Arn(arn, "executionArn");
        Arns.ExecutionNames(text);
        return await Executions.GetAsync(text, cancellationToken).ConfigureAwait(false)
            ?? (client is null ? null : await Api.Executions.NestedExecutions.AdoptAsync(this, text, client, cancellationToken).ConfigureAwait(false))
            ?? throw new ApiException(ApiErrorTypes.ExecutionDoesNotExist, $"Execution Does Not Exist: '{text}'");
    }
}
