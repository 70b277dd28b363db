using System.Text.Json;
using System.Text.RegularExpressions;

namespace AslOnDurable.Functions.Tests.Infrastructure;

/// <summary>
/// What-if checks of infra-bicep/main.bicep: for both hosting plans and both networking options, the Bicep CLI predicts
/// the deployed resources offline (<see cref="DeploymentSnapshot"/>) and the tests check what is deployed and how.
/// </summary>
public sealed partial class BicepTemplateTests(DeploymentSnapshots snapshots) : IClassFixture<DeploymentSnapshots>
{
    private const string Flex = "FlexConsumption";
    private const string Premium = "ElasticPremium";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private static readonly string[] StorageServices = ["blob", "queue", "table"];

    public static TheoryData<string, bool> Options => new()
    {
        { Flex, false },
        { Flex, true },
        { Premium, false },
        { Premium, true },
    };

    [BicepTheory]
    [MemberData(nameof(Options))]
    public void Storage_AnyOption_SharedKeysAndAnonymousAccessOff(string plan, bool isPrivate)
    {
        JsonElement properties = Storage(plan, isPrivate).GetProperty("properties");

        Assert.False(properties.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(properties.GetProperty("defaultToOAuthAuthentication").GetBoolean());
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());
    }

    [BicepTheory]
    [MemberData(nameof(Options))]
    public void Storage_PrivateNetworking_ClosedToThePublicNetwork(string plan, bool isPrivate)
    {
        JsonElement properties = Storage(plan, isPrivate).GetProperty("properties");
        JsonElement acls = properties.GetProperty("networkAcls");

        if (isPrivate)
        {
            Assert.Equal("Disabled", properties.GetProperty("publicNetworkAccess").GetString());
            Assert.Equal("Deny", acls.GetProperty("defaultAction").GetString());
            Assert.Equal("None", acls.GetProperty("bypass").GetString());
        }
        else
        {
            Assert.Equal("Enabled", properties.GetProperty("publicNetworkAccess").GetString());
            Assert.Equal("Allow", acls.GetProperty("defaultAction").GetString());
        }
    }

    [BicepTheory]
    [MemberData(nameof(Options))]
    public void Network_OnlyWithPrivateNetworking_EndpointsAndDnsZonesForBlobQueueTable(string plan, bool isPrivate)
    {
        DeploymentSnapshot snapshot = snapshots.For(plan, isPrivate);
        string[] networkTypes = ["Microsoft.Network/virtualNetworks", "Microsoft.Network/privateEndpoints", "Microsoft.Network/privateDnsZones",
            "Microsoft.Network/privateDnsZones/virtualNetworkLinks", "Microsoft.Network/privateEndpoints/privateDnsZoneGroups"];
        if (!isPrivate)
        {
            Assert.All(networkTypes, type => Assert.Empty(snapshot.OfType(type)));
            return;
        }

        string storageId = snapshot.IdOf("Microsoft.Storage/storageAccounts");
        string vnetId = snapshot.IdOf("Microsoft.Network/virtualNetworks");
        string peSubnet = $"{vnetId}/subnets/snet-private-endpoints";
        Assert.Equal(StorageServices, snapshot.OfType("Microsoft.Network/privateEndpoints").Select(pe =>
        {
            JsonElement properties = pe.GetProperty("properties");
            Assert.Equal(peSubnet, properties.GetProperty("subnet").GetProperty("id").GetString());
            JsonElement connection = Assert.Single(properties.GetProperty("privateLinkServiceConnections").EnumerateArray()).GetProperty("properties");
            Assert.Equal(storageId, connection.GetProperty("privateLinkServiceId").GetString());
            return Assert.Single(connection.GetProperty("groupIds").EnumerateArray()).GetString()!;
        }).Order(StringComparer.Ordinal));

        // Zone names come from the cloud's storage suffix (environment().suffixes.storage), never a hard-coded one.
        Assert.Equal(StorageServices, snapshot.OfType("Microsoft.Network/privateDnsZones").Select(zone =>
        {
            Assert.Equal("global", zone.GetProperty("location").GetString());
            Match match = ZoneName().Match(zone.GetProperty("name").GetString()!);
            Assert.True(match.Success, zone.GetProperty("name").GetString());
            return match.Groups["service"].Value;
        }).Order(StringComparer.Ordinal));

        IReadOnlyList<JsonElement> links = snapshot.OfType("Microsoft.Network/privateDnsZones/virtualNetworkLinks");
        Assert.Equal(3, links.Count);
        Assert.All(links, link =>
        {
            Assert.Equal(vnetId, link.GetProperty("properties").GetProperty("virtualNetwork").GetProperty("id").GetString());
            Assert.False(link.GetProperty("properties").GetProperty("registrationEnabled").GetBoolean());
        });

        IReadOnlyList<JsonElement> groups = snapshot.OfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups");
        Assert.Equal(StorageServices, groups.Select(group =>
        {
            JsonElement config = Assert.Single(group.GetProperty("properties").GetProperty("privateDnsZoneConfigs").EnumerateArray());
            string zoneId = config.GetProperty("properties").GetProperty("privateDnsZoneId").GetString()!;
            Match match = ZoneName().Match(zoneId);
            Assert.True(match.Success, zoneId);
            Assert.EndsWith($"-{match.Groups["service"].Value}/default", group.GetProperty("name").GetString(), StringComparison.Ordinal);
            return match.Groups["service"].Value;
        }).Order(StringComparer.Ordinal));
    }

    [BicepTheory]
    [MemberData(nameof(Options))]
    public void Network_IntegrationSubnet_DelegatedToThePlansService(string plan, bool isPrivate)
    {
        JsonElement site = Site(plan, isPrivate).GetProperty("properties");
        if (!isPrivate)
        {
            Assert.True(IsAbsent(site, "virtualNetworkSubnetId"));
            Assert.True(IsAbsent(site, "outboundVnetRouting"));
            return;
        }

        JsonElement vnet = snapshots.For(plan, isPrivate).Single("Microsoft.Network/virtualNetworks");
        JsonElement subnet = vnet.GetProperty("properties").GetProperty("subnets").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "snet-app");
        string delegation = Assert.Single(subnet.GetProperty("properties").GetProperty("delegations").EnumerateArray())
            .GetProperty("properties").GetProperty("serviceName").GetString()!;
        Assert.Equal(plan == Flex ? "Microsoft.App/environments" : "Microsoft.Web/serverFarms", delegation);
        Assert.Equal($"{vnet.GetProperty("id").GetString()}/subnets/snet-app", site.GetProperty("virtualNetworkSubnetId").GetString());
        Assert.True(site.GetProperty("outboundVnetRouting").GetProperty("allTraffic").GetBoolean());
    }

    [BicepTheory]
    [MemberData(nameof(Options))]
    public void AppSettings_AnyOption_NoKeysAndIdentityBasedStorage(string plan, bool isPrivate)
    {
        Dictionary<string, string> settings = AppSettings(plan, isPrivate);
        string[] keyBearing = ["AzureWebJobsStorage", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "APPINSIGHTS_INSTRUMENTATIONKEY"];
        string[] keyMarkers = ["AccountKey=", "SharedAccessSignature=", "sig=", "listKeys", "listAccountSas", "listServiceSas", "InstrumentationKey="];

        Assert.All(keyBearing, name => Assert.False(settings.ContainsKey(name), $"{name} is set"));
        Assert.All(settings, setting => Assert.All(keyMarkers, marker =>
            Assert.DoesNotContain(marker, setting.Value, StringComparison.OrdinalIgnoreCase)));
        string clientId = settings["AzureWebJobsStorage__clientId"];
        Assert.Contains(".clientId", clientId, StringComparison.Ordinal);
        foreach (string connection in (string[])["AzureWebJobsStorage", "Storage"])
        {
            Assert.Equal("managedidentity", settings[$"{connection}__credential"]);
            Assert.Equal(clientId, settings[$"{connection}__clientId"]);
            foreach (string service in StorageServices)
            {
                Assert.EndsWith($".primaryEndpoints.{service}]", settings[$"{connection}__{service}ServiceUri"], StringComparison.Ordinal);
            }
        }

        Assert.Equal($"ClientId={clientId};Authorization=AAD", Unwrap(settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]));
        Assert.Equal("%AslTaskHub%", ReadHubNameFromHostJson());
        Assert.True(settings.ContainsKey("AslTaskHub"));
    }

    [BicepTheory]
    [MemberData(nameof(Options))]
    public void HostingPlan_FlexOrPremium_PlanAndPackageSettings(string plan, bool isPrivate)
    {
        DeploymentSnapshot snapshot = snapshots.For(plan, isPrivate);
        JsonElement farm = snapshot.Single("Microsoft.Web/serverfarms");
        JsonElement site = Site(plan, isPrivate).GetProperty("properties");
        Dictionary<string, string> settings = AppSettings(plan, isPrivate);
        string identityId = snapshot.IdOf("Microsoft.ManagedIdentity/userAssignedIdentities");
        Assert.True(farm.GetProperty("properties").GetProperty("reserved").GetBoolean());

        if (plan == Flex)
        {
            Assert.Equal("FC1", farm.GetProperty("sku").GetProperty("name").GetString());
            Assert.Equal("FlexConsumption", farm.GetProperty("sku").GetProperty("tier").GetString());
            JsonElement storage = site.GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");
            Assert.Equal("UserAssignedIdentity", storage.GetProperty("authentication").GetProperty("type").GetString());
            Assert.Equal(identityId, storage.GetProperty("authentication").GetProperty("userAssignedIdentityResourceId").GetString());
            Assert.Equal("dotnet-isolated", site.GetProperty("functionAppConfig").GetProperty("runtime").GetProperty("name").GetString());
            Assert.All((string[])["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE"], name => Assert.False(settings.ContainsKey(name), name));
        }
        else
        {
            Assert.Equal("EP1", farm.GetProperty("sku").GetProperty("name").GetString());
            Assert.Equal("ElasticPremium", farm.GetProperty("sku").GetProperty("tier").GetString());
            Assert.Equal("elastic", farm.GetProperty("kind").GetString());
            Assert.True(IsAbsent(site, "functionAppConfig"));
            Assert.Equal("DOTNET-ISOLATED|10.0", site.GetProperty("siteConfig").GetProperty("linuxFxVersion").GetString());
            Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
            // The deployment container URL (blob endpoint + container) joined with the package blob name.
            Assert.EndsWith(".primaryEndpoints.blob, 'app-package'), 'asl-functions.zip')]", settings["WEBSITE_RUN_FROM_PACKAGE"], StringComparison.Ordinal);
            Assert.Equal(identityId, settings["WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID"]);
            Assert.Equal(isPrivate, site.GetProperty("siteConfig").GetProperty("functionsRuntimeScaleMonitoringEnabled").GetBoolean());
        }
    }

    [BicepTheory]
    [MemberData(nameof(Options))]
    public void RoleAssignments_AnyOption_LeastPrivilegeForTheAppIdentity(string plan, bool isPrivate)
    {
        DeploymentSnapshot snapshot = snapshots.For(plan, isPrivate);
        string identityId = snapshot.IdOf("Microsoft.ManagedIdentity/userAssignedIdentities");
        string storageId = snapshot.IdOf("Microsoft.Storage/storageAccounts");
        string appInsightsId = snapshot.IdOf("Microsoft.Insights/components");
        string identityPrincipal = $"[reference('{identityId}', '2023-01-31').principalId]";
        var assignments = snapshot.OfType("Microsoft.Authorization/roleAssignments").Select(a => new
        {
            Id = a.GetProperty("id").GetString()!,
            Role = a.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.Split('/')[^1],
            Principal = a.GetProperty("properties").GetProperty("principalId").GetString()!,
        }).ToList();

        string[] appRoles = [.. assignments.Where(a => a.Principal == identityPrincipal).Select(a => a.Role).Order(StringComparer.Ordinal)];
        Assert.Equal([TableDataContributor, MonitoringMetricsPublisher, QueueDataContributor, BlobDataContributor], appRoles);
        Assert.All(assignments.Where(a => a.Principal == identityPrincipal && a.Role != MonitoringMetricsPublisher),
            a => Assert.StartsWith($"[extensionResourceId('{storageId}', 'Microsoft.Authorization/roleAssignments'", a.Id, StringComparison.Ordinal));
        Assert.StartsWith($"[extensionResourceId('{appInsightsId}', 'Microsoft.Authorization/roleAssignments'",
            assignments.Single(a => a.Role == MonitoringMetricsPublisher).Id, StringComparison.Ordinal);

        // The publisher of Elastic Premium packages may write the deployment container, nothing else; Flex needs nobody.
        var deployer = assignments.Where(a => a.Principal == DeploymentSnapshots.DeployerPrincipalId).ToList();
        if (plan == Flex)
        {
            Assert.Empty(deployer);
        }
        else
        {
            Assert.Equal(BlobDataContributor, Assert.Single(deployer).Role);
            Assert.StartsWith($"{storageId}/blobServices/default/containers/app-package/providers/Microsoft.Authorization/roleAssignments/", deployer[0].Id, StringComparison.Ordinal);
        }

        Assert.Equal(assignments.Count, appRoles.Length + deployer.Count);
    }

    [BicepTheory]
    [MemberData(nameof(Options))]
    public void DiagnosticSettings_AppAndStorageServices_SendToTheWorkspace(string plan, bool isPrivate)
    {
        DeploymentSnapshot snapshot = snapshots.For(plan, isPrivate);
        string workspaceId = snapshot.IdOf("Microsoft.OperationalInsights/workspaces");
        string storageId = snapshot.IdOf("Microsoft.Storage/storageAccounts");
        string siteId = snapshot.IdOf("Microsoft.Web/sites");
        Dictionary<string, JsonElement> settings = snapshot.OfType("Microsoft.Insights/diagnosticSettings").ToDictionary(
            d => d.GetProperty("id").GetString()!.Split("/providers/Microsoft.Insights/diagnosticSettings/")[0],
            d => d.GetProperty("properties"));

        Assert.Equal(5, settings.Count);
        Assert.All(settings.Values, s => Assert.Equal(workspaceId, s.GetProperty("workspaceId").GetString()));
        AssertCategories(settings[siteId], ["FunctionAppLogs"], ["AllMetrics"]);
        AssertCategories(settings[storageId], [], ["Transaction"]);
        foreach (string service in StorageServices)
        {
            AssertCategories(settings[$"{storageId}/{service}Services/default"], ["StorageDelete", "StorageRead", "StorageWrite"], ["Transaction"]);
        }
    }

    [BicepTheory]
    [MemberData(nameof(Options))]
    public void Azd_FunctionApp_CarriesTheServiceTag(string plan, bool isPrivate)
    {
        JsonElement tags = Site(plan, isPrivate).GetProperty("tags");

        Assert.Equal("api", tags.GetProperty("azd-service-name").GetString());
        Assert.Equal("test", tags.GetProperty("azd-env-name").GetString());
    }

    [BicepFact]
    public void Azd_ParametersFile_NamesOnlyTemplateParametersAndMapsTheEnvironment()
    {
        using JsonDocument template = JsonDocument.Parse(BicepCli.Run(BicepCli.InfraDirectory, "build", "main.bicep", "--stdout"));
        using JsonDocument parameters = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "main.parameters.json")));
        JsonElement declared = template.RootElement.GetProperty("parameters");
        JsonElement given = parameters.RootElement.GetProperty("parameters");

        Assert.All(given.EnumerateObject(), p => Assert.True(declared.TryGetProperty(p.Name, out _), $"main.bicep has no parameter {p.Name}"));
        Assert.All(declared.EnumerateObject().Where(p => !p.Value.TryGetProperty("defaultValue", out _)),
            p => Assert.True(given.TryGetProperty(p.Name, out _), $"main.parameters.json misses the required parameter {p.Name}"));
        Assert.Equal("${AZURE_ENV_NAME}", given.GetProperty("environmentName").GetProperty("value").GetString());
        Assert.Equal("${AZURE_LOCATION}", given.GetProperty("location").GetProperty("value").GetString());
        Assert.Equal("location", declared.GetProperty("location").GetProperty("metadata").GetProperty("azd").GetProperty("type").GetString());
        // azd prefers <module>.bicepparam over <module>.parameters.json: one would silently replace the other.
        Assert.False(File.Exists(Path.Combine(BicepCli.InfraDirectory, "main.bicepparam")));
    }

    [Fact]
    public void Azd_AzureYaml_DeploysTheFunctionsProjectFromThisFolder()
    {
        string yaml = File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "azure.yaml"));

        Assert.Matches(new Regex(@"^infra:\n  provider: bicep\n  path: \.\n  module: main\n", RegexOptions.Multiline), yaml);
        Match service = Regex.Match(yaml, @"^services:\n  api:\n    project: (?<project>\S+)\n    language: dotnet\n    host: function\n", RegexOptions.Multiline);
        Assert.True(service.Success, yaml);
        string project = Path.GetFullPath(Path.Combine(BicepCli.InfraDirectory, service.Groups["project"].Value));
        Assert.True(File.Exists(Path.Combine(project, "AslOnDurable.Functions.csproj")), project);
    }

    private JsonElement Storage(string plan, bool isPrivate) => snapshots.For(plan, isPrivate).Single("Microsoft.Storage/storageAccounts");

    private JsonElement Site(string plan, bool isPrivate) => snapshots.For(plan, isPrivate).Single("Microsoft.Web/sites");

    private Dictionary<string, string> AppSettings(string plan, bool isPrivate) =>
        Site(plan, isPrivate).GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    private static bool IsAbsent(JsonElement element, string property) =>
        !element.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null;

    /// <summary>An unresolved value such as <c>[format('ClientId={0};Authorization=AAD', reference(...).clientId)]</c> as the text it will become.</summary>
    private static string Unwrap(string value)
    {
        Match format = Regex.Match(value, @"^\[format\('(?<format>[^']*)', (?<arg>.+)\)\]$");
        return format.Success ? format.Groups["format"].Value.Replace("{0}", $"[{format.Groups["arg"].Value}]", StringComparison.Ordinal) : value;
    }

    private static string ReadHubNameFromHostJson()
    {
        using JsonDocument host = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.RepoRoot, "host.json")));
        return host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString()!;
    }

    private static void AssertCategories(JsonElement setting, string[] logs, string[] metrics)
    {
        Assert.Equal(logs, Categories(setting, "logs"));
        Assert.Equal(metrics, Categories(setting, "metrics"));
    }

    private static string[] Categories(JsonElement setting, string kind) =>
        setting.TryGetProperty(kind, out JsonElement entries)
            ? [.. entries.EnumerateArray().Where(e => e.GetProperty("enabled").GetBoolean()).Select(e => e.GetProperty("category").GetString()!).Order(StringComparer.Ordinal)]
            : [];

    [GeneratedRegex(@"privatelink\.(\{0\}\.\{1\}', '(?<service>blob|queue|table)', environment\(\)\.suffixes\.storage|(?<service>blob|queue|table)\.' *, *environment\(\)\.suffixes\.storage)")]
    private static partial Regex ZoneName();
}
