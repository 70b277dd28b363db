using System.Collections.Concurrent;
using System.Globalization;

namespace AslOnDurable.Functions.Tests.Infrastructure;

/// <summary>One snapshot of main.bicep per hosting plan and networking option, made on first use and shared by a test class.</summary>
public sealed class DeploymentSnapshots
{
    /// <summary>The principal main.bicep receives as <c>principalId</c> (azd's signed-in user).</summary>
    public const string DeployerPrincipalId = "11111111-2222-3333-4444-555555555555";

    private readonly ConcurrentDictionary<(string Plan, bool Private), Lazy<DeploymentSnapshot>> snapshots = new();

    internal DeploymentSnapshot For(string hostingPlan, bool privateNetworking) =>
        snapshots.GetOrAdd(
            (hostingPlan, privateNetworking),
            key => new Lazy<DeploymentSnapshot>(() => DeploymentSnapshot.Create(new Dictionary<string, string>
            {
                ["environmentName"] = "'test'",
                ["hostingPlan"] = $"'{key.Plan}'",
                ["privateNetworking"] = key.Private.ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
                ["principalId"] = $"'{DeployerPrincipalId}'",
            }))).Value;
}
