using System.Globalization;
using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// AWS's rules for an alias: a name of 1-80 letters, digits, <c>_ . -</c> that is not only digits; a routing
/// configuration of one or two distinct, existing versions of one state machine whose weights (0-100) sum to 100.
/// </summary>
internal static class AliasRouting
{
    /// <summary>Checks an alias name (<c>InvalidName</c>).</summary>
    public static string Name(string? name)
    {
        string text = RequestFields.Required(name, "name", RequestFields.MaxNameLength);
        return text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-') && !text.All(char.IsAsciiDigit)
            ? text
            : throw new ApiException(ApiErrorTypes.InvalidName, $"Invalid Name: '{text}'");
    }

    /// <summary>Checks a routing configuration; returns the state machine its versions belong to.</summary>
    /// <param name="api">The shared resources.</param>
    /// <param name="routing">The configuration.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The state machine ARN and the configuration.</returns>
    public static async Task<(string StateMachineArn, IReadOnlyList<RoutingConfigurationListItem> Routing)> CheckAsync(
        ApiResources api, IReadOnlyList<RoutingConfigurationListItem>? routing, CancellationToken cancellationToken)
    {
        if (routing is null)
        {
            throw ApiException.Validation("routingConfiguration", null, "Member must not be null");
        }

        if (routing.Count is < 1 or > 2)
        {
            throw ApiException.Validation("routingConfiguration", null, "Member must have length between 1 and 2");
        }

        string? machine = null;
        List<RoutingConfigurationListItem> checkedRoutes = [];
        foreach (RoutingConfigurationListItem route in routing)
        {
            if (route?.Weight is not (>= 0 and <= 100) and var weight)
            {
                throw ApiException.Validation("routingConfiguration.member.weight", weight?.ToString(CultureInfo.InvariantCulture), "Member must have value between 0 and 100");
            }

            var version = await api.VersionAsync(route.StateMachineVersionArn, "routingConfiguration.member.stateMachineVersionArn", cancellationToken).ConfigureAwait(false);
            if (machine is not null && machine != version.Snapshot.Arn)
            {
                throw new ApiException(ApiErrorTypes.ValidationException, "Routing configuration must contain versions of the same state machine.");
            }

            if (checkedRoutes.Any(r => r.StateMachineVersionArn == version.Arn))
            {
                throw new ApiException(ApiErrorTypes.ValidationException, "Routing configuration must contain distinct state machine versions.");
            }

            machine = version.Snapshot.Arn;
            checkedRoutes.Add(new RoutingConfigurationListItem(version.Arn, route.Weight));
        }

        if (checkedRoutes.Sum(r => r.Weight!.Value) != 100)
        {
            throw new ApiException(ApiErrorTypes.ValidationException, "Sum of routing configuration weights must be equal to 100.");
        }

        return (machine!, checkedRoutes);
    }
}
