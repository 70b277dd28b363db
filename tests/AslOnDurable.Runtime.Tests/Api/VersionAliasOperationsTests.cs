using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Tests.Api;

public sealed class VersionAliasOperationsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private readonly StepFunctionsSelfHost host = fixture.Host;

    private const string Greet = """{"StartAt":"G","States":{"G":{"Type":"Pass","Result":"GREETING","End":true}}}""";

    private static string Definition(string result) => Greet.Replace("GREETING", result, StringComparison.Ordinal);

    private async Task<string> CreateAsync(string name, string result = "v1") =>
        (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["definition"] = Definition(result), ["roleArn"] = ApiTestCalls.Role,
        }))["stateMachineArn"]!;

    private async Task<string> PublishAsync(string machine, string? description = null) =>
        (string)(await host.OkAsync("PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine, ["description"] = description }))["stateMachineVersionArn"]!;

    private async Task UpdateAsync(string machine, string result) =>
        await host.OkAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = Definition(result) });

    private async Task<JsonObject> RunAsync(string arn, string name, string instance)
    {
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = arn, ["name"] = name });
        await host.Client.WaitForCompletionAsync(instance, CancellationToken.None);
        return await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() });
    }

    private static JsonArray Routes(params (string Version, int Weight)[] routes) =>
        [.. routes.Select(r => (JsonNode)new JsonObject { ["stateMachineVersionArn"] = r.Version, ["weight"] = r.Weight })];

    [Fact]
    public async Task PublishStateMachineVersion_NumbersVersionsAndIsIdempotentPerRevision()
    {
        string machine = await CreateAsync("ver-publish");

        string v1 = await PublishAsync(machine, "first");
        string again = await PublishAsync(machine);
        await UpdateAsync(machine, "v2");
        string v2 = await PublishAsync(machine);

        Assert.Equal(machine + ":1", v1);
        Assert.Equal(v1, again);
        Assert.Equal(machine + ":2", v2);
        JsonObject d1 = await host.OkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = v1 });
        Assert.Equal(v1, (string?)d1["stateMachineArn"]);
        Assert.Equal(Definition("v1"), (string?)d1["definition"]);
        Assert.Equal("first", (string?)d1["description"]);
        Assert.Equal(Definition("v2"), (string?)(await host.OkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = v2 }))["definition"]);
        JsonArray listed = (await host.OkAsync("ListStateMachineVersions", new JsonObject { ["stateMachineArn"] = machine }))["stateMachineVersions"]!.AsArray();
        Assert.Equal([v2, v1], listed.Select(v => (string)v!["stateMachineVersionArn"]!));
    }

    [Fact]
    public async Task PublishStateMachineVersion_StaleRevision_ConflictException()
    {
        string machine = await CreateAsync("ver-conflict");
        JsonObject updated = await host.OkAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = Definition("x") });

        await host.ErrorAsync("PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine, ["revisionId"] = "stale" }, ApiErrorTypes.ConflictException);
        await host.OkAsync("PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine, ["revisionId"] = updated["revisionId"]!.DeepClone() });
        await host.ErrorAsync("PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine + "-none" }, ApiErrorTypes.StateMachineDoesNotExist);
        await host.ErrorAsync("PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machine, ["description"] = new string('d', 257) }, ApiErrorTypes.ValidationException);
    }

    [Fact]
    public async Task CreateAndUpdate_PublishTrue_AnswerTheVersionArn()
    {
        JsonObject created = await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "ver-create-publish", ["definition"] = Definition("a"), ["roleArn"] = ApiTestCalls.Role, ["publish"] = true, ["versionDescription"] = "initial",
        });
        string machine = (string)created["stateMachineArn"]!;
        JsonObject updated = await host.OkAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = Definition("b"), ["publish"] = true });

        Assert.Equal(machine + ":1", (string?)created["stateMachineVersionArn"]);
        Assert.Equal(machine + ":2", (string?)updated["stateMachineVersionArn"]);
        Assert.Equal("initial", (string?)(await host.OkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = machine + ":1" }))["description"]);
        await host.ErrorAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = Definition("c"), ["versionDescription"] = "no publish" }, ApiErrorTypes.ValidationException);
    }

    [Fact]
    public async Task StartExecution_ByVersionArn_RunsThatVersionAndRecordsIt()
    {
        string machine = await CreateAsync("ver-start");
        string v1 = await PublishAsync(machine);
        await UpdateAsync(machine, "v2");

        JsonObject byVersion = await RunAsync(v1, "old", "ver-start:old");
        JsonObject latest = await RunAsync(machine, "new", "ver-start:new");

        Assert.Equal("\"v1\"", (string?)byVersion["output"]);
        Assert.Equal(v1, (string?)byVersion["stateMachineVersionArn"]);
        Assert.Equal(machine, (string?)byVersion["stateMachineArn"]);
        Assert.Null(byVersion["stateMachineAliasArn"]);
        Assert.Equal("\"v2\"", (string?)latest["output"]);
        Assert.Null(latest["stateMachineVersionArn"]);
        await host.ErrorAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine + ":9" }, ApiErrorTypes.StateMachineDoesNotExist);
    }

    [Fact]
    public async Task Alias_CreateDescribeUpdateListDelete()
    {
        string machine = await CreateAsync("alias-crud");
        string v1 = await PublishAsync(machine);
        await UpdateAsync(machine, "v2");
        string v2 = await PublishAsync(machine);

        JsonObject created = await host.OkAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "prod", ["description"] = "live", ["routingConfiguration"] = Routes((v1, 100)) });
        string alias = (string)created["stateMachineAliasArn"]!;
        JsonObject same = await host.OkAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "prod", ["description"] = "live", ["routingConfiguration"] = Routes((v1, 100)) });
        await host.ErrorAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "prod", ["routingConfiguration"] = Routes((v2, 100)) }, ApiErrorTypes.ConflictException);
        await host.OkAsync("UpdateStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = alias, ["routingConfiguration"] = Routes((v1, 90), (v2, 10)) });
        JsonObject described = await host.OkAsync("DescribeStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = alias });
        JsonArray listed = (await host.OkAsync("ListStateMachineAliases", new JsonObject { ["stateMachineArn"] = machine }))["stateMachineAliases"]!.AsArray();

        Assert.Equal(machine + ":prod", alias);
        Assert.Equal(alias, (string?)same["stateMachineAliasArn"]);
        Assert.Equal("prod", (string?)described["name"]);
        Assert.Equal("live", (string?)described["description"]);
        Assert.Equal(Routes((v1, 90), (v2, 10)).ToJsonString(), described["routingConfiguration"]!.ToJsonString());
        Assert.NotNull(described["updateDate"]);
        Assert.Equal([alias], listed.Select(a => (string)a!["stateMachineAliasArn"]!));
        await host.ErrorAsync("DeleteStateMachineVersion", new JsonObject { ["stateMachineVersionArn"] = v2 }, ApiErrorTypes.ConflictException);
        await host.OkAsync("DeleteStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = alias });
        await host.ErrorAsync("DescribeStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = alias }, ApiErrorTypes.ResourceNotFound);
        await host.OkAsync("DeleteStateMachineVersion", new JsonObject { ["stateMachineVersionArn"] = v2 });
        await host.OkAsync("DeleteStateMachineVersion", new JsonObject { ["stateMachineVersionArn"] = v2 });
        JsonArray versions = (await host.OkAsync("ListStateMachineVersions", new JsonObject { ["stateMachineArn"] = machine }))["stateMachineVersions"]!.AsArray();
        Assert.Equal([v1], versions.Select(v => (string)v!["stateMachineVersionArn"]!));
    }

    [Fact]
    public async Task StartExecution_ByAlias_RoutesByWeightSameVersionPerName()
    {
        string machine = await CreateAsync("alias-route");
        string v1 = await PublishAsync(machine);
        await UpdateAsync(machine, "v2");
        string v2 = await PublishAsync(machine);
        string alias = (string)(await host.OkAsync("CreateStateMachineAlias", new JsonObject
        {
            ["name"] = "canary", ["routingConfiguration"] = Routes((v1, 50), (v2, 50)),
        }))["stateMachineAliasArn"]!;

        Dictionary<string, int> counts = new() { [v1] = 0, [v2] = 0 };
        for (int i = 0; i < 20; i++)
        {
            JsonObject d = await RunAsync(alias, $"run-{i}", $"alias-route:run-{i}");
            string version = (string)d["stateMachineVersionArn"]!;
            Assert.Equal(alias, (string?)d["stateMachineAliasArn"]);
            Assert.Equal(version == v1 ? "\"v1\"" : "\"v2\"", (string?)d["output"]);
            counts[version]++;
        }

        Assert.True(counts[v1] > 0 && counts[v2] > 0, $"{counts[v1]} / {counts[v2]}");
        Assert.Equal(
            Runtime.Api.Operations.StateMachineVersions.Route(new(alias, machine, "canary", null, [new(v1, 50), new(v2, 50)], DateTimeOffset.UnixEpoch), "run-3"),
            Runtime.Api.Operations.StateMachineVersions.Route(new(alias, machine, "canary", null, [new(v1, 50), new(v2, 50)], DateTimeOffset.UnixEpoch), "run-3"));
        Assert.Equal(v2, Runtime.Api.Operations.StateMachineVersions.Route(new(alias, machine, "all", null, [new(v1, 0), new(v2, 100)], DateTimeOffset.UnixEpoch), "any"));
    }

    [Fact]
    public async Task CreateStateMachineAlias_BadRouting_AwsErrors()
    {
        string a = await CreateAsync("alias-bad-a");
        string b = await CreateAsync("alias-bad-b");
        string va = await PublishAsync(a);
        await UpdateAsync(a, "x");
        string va2 = await PublishAsync(a);
        string vb = await PublishAsync(b);

        await host.ErrorAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "x", ["routingConfiguration"] = Routes((va, 60), (va2, 30)) }, ApiErrorTypes.ValidationException);
        await host.ErrorAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "x", ["routingConfiguration"] = Routes((va, 50), (vb, 50)) }, ApiErrorTypes.ValidationException);
        await host.ErrorAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "x", ["routingConfiguration"] = Routes((va, 50), (va, 50)) }, ApiErrorTypes.ValidationException);
        await host.ErrorAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "x", ["routingConfiguration"] = Routes((va, 50), (va2, 25), (va, 25)) }, ApiErrorTypes.ValidationException);
        await host.ErrorAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "x", ["routingConfiguration"] = Routes((a + ":77", 100)) }, ApiErrorTypes.ResourceNotFound);
        await host.ErrorAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "x", ["routingConfiguration"] = Routes((a, 100)) }, ApiErrorTypes.InvalidArn);
        await host.ErrorAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "123", ["routingConfiguration"] = Routes((va, 100)) }, ApiErrorTypes.InvalidName);
        await host.ErrorAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "x" }, ApiErrorTypes.ValidationException);
        await host.ErrorAsync("DescribeStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = va }, ApiErrorTypes.InvalidArn);
        await host.ErrorAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = a + ":nope" }, ApiErrorTypes.InvalidArn);
        await host.ErrorAsync("DeleteStateMachineVersion", new JsonObject { ["stateMachineVersionArn"] = a }, ApiErrorTypes.InvalidArn);
    }

    [Fact]
    public async Task DeleteStateMachine_RemovesItsVersionsAndAliases()
    {
        string machine = await CreateAsync("ver-cascade");
        string v1 = await PublishAsync(machine);
        string alias = (string)(await host.OkAsync("CreateStateMachineAlias", new JsonObject { ["name"] = "live", ["routingConfiguration"] = Routes((v1, 100)) }))["stateMachineAliasArn"]!;

        await host.OkAsync("DeleteStateMachine", new JsonObject { ["stateMachineArn"] = machine });

        await host.ErrorAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = v1 }, ApiErrorTypes.ResourceNotFound);
        await host.ErrorAsync("DescribeStateMachineAlias", new JsonObject { ["stateMachineAliasArn"] = alias }, ApiErrorTypes.ResourceNotFound);
    }
}
