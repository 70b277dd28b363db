using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary><c>publish</c> and <c>versionDescription</c> on CreateStateMachine and UpdateStateMachine.</summary>
internal static class PublishChecks
{
    /// <summary>A version description needs <c>publish: true</c> (AWS's ValidationException) and at most 256 characters.</summary>
    /// <param name="publish">The request's <c>publish</c>.</param>
    /// <param name="versionDescription">The request's <c>versionDescription</c>.</param>
    /// <returns>The description.</returns>
    public static string? VersionDescription(bool? publish, string? versionDescription)
    {
        if (versionDescription is not null && publish != true)
        {
            throw new ApiException(ApiErrorTypes.ValidationException, "Version description can only be set when publish is true");
        }

        return RequestFields.Length(versionDescription, "versionDescription", StateMachineVersions.MaxDescriptionLength);
    }
}
