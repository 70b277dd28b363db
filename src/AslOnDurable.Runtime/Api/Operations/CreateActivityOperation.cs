using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// CreateActivity. Idempotent by name as AWS is: creating an existing activity answers its ARN and creation date and
/// leaves its tags as they were.
/// </summary>
/// <param name="api">The shared resources.</param>
/// <param name="activities">The activities.</param>
internal sealed class CreateActivityOperation(ApiResources api, IActivityStore activities) : ApiOperation<CreateActivityRequest, CreateActivityResponse>
{
    /// <inheritdoc />
    public override string Action => "CreateActivity";

    /// <inheritdoc />
    protected override async Task<CreateActivityResponse> HandleAsync(CreateActivityRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string name = RequestFields.Name(RequestFields.Required(request.Name, "name", RequestFields.MaxNameLength));
        EncryptionChecks.Check(request.EncryptionConfiguration);
        string arn = api.Arns.Activity(name);
        ActivityRecord record = new(arn, name, api.Now) { Tags = TagRules.Merge([], request.Tags, "tags", arn) };
        ActivityRecord stored = await activities.GetOrAddAsync(record, cancellationToken).ConfigureAwait(false);
        return new CreateActivityResponse(stored.Arn, stored.CreationDate);
    }
}
