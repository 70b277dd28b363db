using System.Globalization;
using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.MapRuns;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// UpdateMapRun: new MaxConcurrency, ToleratedFailureCount or ToleratedFailurePercentage for a running map run, raised
/// to its orchestration as an event; chunks not yet started use them, and the failure threshold is checked with them.
/// </summary>
/// <param name="mapRuns">Finds map runs.</param>
internal sealed class UpdateMapRunOperation(MapRunDirectory mapRuns) : ApiOperation<UpdateMapRunRequest, EmptyResponse>
{
    /// <inheritdoc />
    public override string Action => "UpdateMapRun";

    /// <inheritdoc />
    protected override async Task<EmptyResponse> HandleAsync(UpdateMapRunRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        if (request.MaxConcurrency is < 0)
        {
            throw ApiException.Validation("maxConcurrency", request.MaxConcurrency.Value.ToString(CultureInfo.InvariantCulture), "Member must have value greater than or equal to 0");
        }

        if (request.ToleratedFailureCount is < 0)
        {
            throw ApiException.Validation("toleratedFailureCount", request.ToleratedFailureCount.Value.ToString(CultureInfo.InvariantCulture), "Member must have value greater than or equal to 0");
        }

        if (request.ToleratedFailurePercentage is < 0 or > 100 || request.ToleratedFailurePercentage is { } p && !double.IsFinite(p))
        {
            throw ApiException.Validation("toleratedFailurePercentage", request.ToleratedFailurePercentage.Value.ToString(CultureInfo.InvariantCulture), "Member must have value between 0 and 100");
        }

        DescribeMapRunResponse run = await mapRuns.DescribeAsync(request.MapRunArn, client, cancellationToken).ConfigureAwait(false);
        if (request.MaxConcurrency is null && request.ToleratedFailureCount is null && request.ToleratedFailurePercentage is null)
        {
            throw new ApiException(ApiErrorTypes.ValidationException, "At least one of maxConcurrency, toleratedFailureCount or toleratedFailurePercentage must be given.");
        }

        if (run.Status != "RUNNING")
        {
            throw new ApiException(ApiErrorTypes.ValidationException, $"Map Run is not running: '{run.MapRunArn}' is {run.Status}.");
        }

        MapRunUpdate update = new(PayloadVersion.Current)
        {
            MaxConcurrency = request.MaxConcurrency,
            ToleratedFailureCount = request.ToleratedFailureCount,
            ToleratedFailurePercentage = request.ToleratedFailurePercentage,
        };
        await client.RaiseEventAsync(MapRunInstanceIds.FromArn(run.MapRunArn), MapRunOrchestrator.UpdateEventName, DurableJson.Serialize(update), cancellationToken).ConfigureAwait(false);
        return EmptyResponse.Instance;
    }
}
