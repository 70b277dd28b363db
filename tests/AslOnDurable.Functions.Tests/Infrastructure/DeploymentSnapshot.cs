using System.Text;
using System.Text.Json;

namespace AslOnDurable.Functions.Tests.Infrastructure;

/// <summary>
/// The resources main.bicep would deploy for a set of parameters, as the Bicep CLI predicts them offline
/// (<c>bicep snapshot</c>: the ARM template engine evaluates conditions, loops and nested module deployments; values
/// known only at deployment time stay as expressions such as <c>[reference(...)]</c>).
/// </summary>
internal sealed class DeploymentSnapshot
{
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000aa";
    public const string ResourceGroup = "rg-asl-test";

    private DeploymentSnapshot(IReadOnlyList<JsonElement> resources) => Resources = resources;

    /// <summary>Every predicted resource (modules flattened).</summary>
    public IReadOnlyList<JsonElement> Resources { get; }

    /// <summary>Resources of one type (case-insensitive, as ARM compares types).</summary>
    public IReadOnlyList<JsonElement> OfType(string type) =>
        [.. Resources.Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The one resource of a type.</summary>
    public JsonElement Single(string type) => Assert.Single(OfType(type));

    /// <summary>The resource id of the one resource of a type.</summary>
    public string IdOf(string type) => Single(type).GetProperty("id").GetString()!;

    /// <summary>Snapshots main.bicep with the given parameters (bicepparam literals, e.g. <c>'ElasticPremium'</c>, <c>true</c>).</summary>
    public static DeploymentSnapshot Create(IReadOnlyDictionary<string, string> parameters)
    {
        string dir = Directory.CreateTempSubdirectory("asl-bicep-").FullName;
        try
        {
            // A .bicepparam must name its template with a relative path.
            string template = Path.GetRelativePath(dir, Path.Combine(BicepCli.InfraDirectory, "main.bicep")).Replace('\\', '/');
            StringBuilder text = new($"using '{template}'\n");
            foreach ((string name, string value) in parameters)
            {
                text.Append($"param {name} = {value}\n");
            }

            File.WriteAllText(Path.Combine(dir, "test.bicepparam"), text.ToString());
            BicepCli.Run(
                dir,
                "snapshot",
                "test.bicepparam",
                "--subscription-id",
                SubscriptionId,
                "--resource-group",
                ResourceGroup,
                "--location",
                "westeurope",
                "--tenant-id",
                "00000000-0000-0000-0000-0000000000bb");
            using JsonDocument snapshot = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "test.snapshot.json")));
            JsonElement diagnostics = snapshot.RootElement.GetProperty("diagnostics");
            Assert.True(diagnostics.GetArrayLength() == 0, $"bicep snapshot diagnostics: {diagnostics}");
            return new DeploymentSnapshot([.. snapshot.RootElement.GetProperty("predictedResources").EnumerateArray().Select(r => r.Clone())]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
