using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Tests.Api;

public sealed class StateMachineOperationsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private readonly StepFunctionsSelfHost host = fixture.Host;

    [Fact]
    public async Task CreateStateMachine_Valid_ReturnsArnInAwsFormAndDescribeShowsIt()
    {
        JsonObject created = await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "create-ok", ["definition"] = ApiTestCalls.Definition("greet"), ["roleArn"] = ApiTestCalls.Role,
        });

        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:create-ok", (string?)created["stateMachineArn"]);
        Assert.True(created["creationDate"]!.GetValue<decimal>() > 1_600_000_000m);
        JsonObject described = await host.OkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = created["stateMachineArn"]!.DeepClone() });
        Assert.Equal("create-ok", (string?)described["name"]);
        Assert.Equal("ACTIVE", (string?)described["status"]);
        Assert.Equal("STANDARD", (string?)described["type"]);
        Assert.Equal(ApiTestCalls.Definition("greet"), (string?)described["definition"]);
        Assert.Equal(ApiTestCalls.Role, (string?)described["roleArn"]);
        Assert.Equal("OFF", (string?)described["loggingConfiguration"]!["level"]);
        Assert.False((bool)described["tracingConfiguration"]!["enabled"]!);
        Assert.Null(described["revisionId"]);
    }

    [Fact]
    public async Task DescribeStateMachine_StatesReadingVariables_VariableReferencesUnlessMetadataOnly()
    {
        const string definition = """
            {"StartAt":"Set","States":{
              "Set":{"Type":"Pass","Assign":{"who":"x","n":1},"Next":"Use"},
              "Use":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('hi {} #{}', $who, $n)"},"End":true}}}
            """;
        JsonObject created = await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "describe-vars", ["definition"] = definition, ["roleArn"] = ApiTestCalls.Role,
        });
        JsonNode arn = created["stateMachineArn"]!;

        JsonObject described = await host.OkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn.DeepClone() });
        JsonObject metadata = await host.OkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn.DeepClone(), ["includedData"] = "METADATA_ONLY" });
        JsonObject plain = await host.OkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = (await host.CreateAsync("describe-no-vars", "greet")) });

        Assert.Equal(definition, (string?)described["definition"]);
        Assert.Equal(["Use"], described["variableReferences"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["n", "who"], described["variableReferences"]!["Use"]!.AsArray().Select(v => (string)v!).Order(StringComparer.Ordinal));
        Assert.Equal("{}", (string?)metadata["definition"]);
        Assert.Null(metadata["variableReferences"]);
        Assert.Equal("describe-vars", (string?)metadata["name"]);
        Assert.False(plain.ContainsKey("variableReferences"));
        await host.ErrorAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn.DeepClone(), ["includedData"] = "SOME" }, ApiErrorTypes.ValidationException);
    }

    [Theory]
    [InlineData("""{"type":"CUSTOMER_MANAGED_KMS_KEY","kmsKeyId":"alias/mine"}""", "Customer managed KMS keys are not available")]
    [InlineData("""{"kmsKeyId":"alias/mine"}""", "encryptionConfiguration.type")]
    [InlineData("""{"type":"OWN_KEY"}""", "enum value set")]
    [InlineData("""{"type":"CUSTOMER_MANAGED_KMS_KEY","kmsKeyId":"k","kmsDataKeyReusePeriodSeconds":30}""", "between 60 and 900")]
    [InlineData("""{"type":"AWS_OWNED_KEY","kmsKeyId":"alias/mine"}""", "apply only to CUSTOMER_MANAGED_KMS_KEY")]
    public async Task EncryptionConfiguration_OnlyTheServicesOwnKey_OthersAreValidationErrorsSayingWhy(string configuration, string message)
    {
        foreach (var (action, request) in new[]
        {
            ("CreateStateMachine", new JsonObject { ["name"] = "enc-refused", ["definition"] = ApiTestCalls.Definition("greet"), ["roleArn"] = ApiTestCalls.Role }),
            ("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = await host.CreateAsync("enc-update", "greet") }),
            ("CreateActivity", new JsonObject { ["name"] = "enc-activity" }),
        })
        {
            request["encryptionConfiguration"] = JsonNode.Parse(configuration);
            JsonObject error = await host.ErrorAsync(action, request, ApiErrorTypes.ValidationException);
            Assert.Contains(message, (string?)error["message"], StringComparison.Ordinal);
        }

        await host.ErrorAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = "arn:aws:states:us-east-1:123456789012:stateMachine:enc-refused" }, ApiErrorTypes.StateMachineDoesNotExist);
    }

    [Fact]
    public async Task EncryptionConfiguration_AwsOwnedKey_Accepted()
    {
        JsonObject owned = new() { ["type"] = "AWS_OWNED_KEY" };
        JsonObject created = await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "enc-owned", ["definition"] = ApiTestCalls.Definition("greet"), ["roleArn"] = ApiTestCalls.Role, ["encryptionConfiguration"] = owned.DeepClone(),
        });
        JsonObject updated = await host.OkAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = created["stateMachineArn"]!.DeepClone(), ["encryptionConfiguration"] = owned.DeepClone() });
        JsonObject activity = await host.OkAsync("CreateActivity", new JsonObject { ["name"] = "enc-owned-activity", ["encryptionConfiguration"] = owned.DeepClone() });

        Assert.NotNull(updated["revisionId"]);
        Assert.EndsWith(":activity:enc-owned-activity", (string?)activity["activityArn"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStateMachine_SameNameSameDefinition_IdempotentElseAlreadyExists()
    {
        string arn = await host.CreateAsync("create-twice", "greet");

        Assert.Equal(arn, await host.CreateAsync("create-twice", "greet"));
        await host.ErrorAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "create-twice", ["definition"] = ApiTestCalls.Definition("wait-hour"), ["roleArn"] = ApiTestCalls.Role,
        }, ApiErrorTypes.StateMachineAlreadyExists);
    }

    [Fact]
    public async Task CreateStateMachine_InvalidDefinition_InvalidDefinitionWithDiagnostics()
    {
        JsonObject error = await host.ErrorAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "create-bad", ["definition"] = ApiTestCalls.Definition("invalid"), ["roleArn"] = ApiTestCalls.Role,
        }, ApiErrorTypes.InvalidDefinition);

        Assert.StartsWith("Invalid State Machine Definition: '", (string?)error["message"], StringComparison.Ordinal);
        Assert.Contains("MISSING_TRANSITION_TARGET", (string?)error["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"definition": "{}", "roleArn": "arn:aws:iam::1:role/r"}""", ApiErrorTypes.ValidationException)]
    [InlineData("""{"name": "a b", "definition": "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}", "roleArn": "arn:aws:iam::1:role/r"}""", ApiErrorTypes.InvalidName)]
    [InlineData("""{"name": "ok", "definition": "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}", "roleArn": "not-an-arn"}""", ApiErrorTypes.InvalidArn)]
    [InlineData("""{"name": "ok", "definition": "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}", "roleArn": "arn:aws:iam::1:role/r", "type": "FAST"}""", ApiErrorTypes.ValidationException)]
    [InlineData("""{"name": "ok", "definition": "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}", "roleArn": "arn:aws:iam::1:role/r", "loggingConfiguration": {"level": "ALL"}}""", ApiErrorTypes.InvalidLoggingConfiguration)]
    public async Task CreateStateMachine_BadField_AwsError(string body, string errorType)
    {
        ApiTestCalls.Error(await host.DispatchAsync("AWSStepFunctions.CreateStateMachine", body, CancellationToken.None), errorType);
    }

    [Theory]
    [InlineData("arn:aws:states:us-east-1:123456789012:stateMachine:nobody", ApiErrorTypes.StateMachineDoesNotExist)]
    [InlineData("arn:aws:states:eu-west-1:123456789012:stateMachine:nobody", ApiErrorTypes.InvalidArn)]
    [InlineData("arn:aws:states:us-east-1:123456789012:activity:nobody", ApiErrorTypes.InvalidArn)]
    [InlineData("garbage", ApiErrorTypes.InvalidArn)]
    public async Task DescribeStateMachine_UnknownOrForeignArn_AwsError(string arn, string errorType)
    {
        await host.ErrorAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn }, errorType);
    }

    [Fact]
    public async Task UpdateStateMachine_NewDefinition_NewRevisionAndDescribeShowsIt()
    {
        string arn = await host.CreateAsync("update-me", "greet");

        JsonObject updated = await host.OkAsync("UpdateStateMachine", new JsonObject
        {
            ["stateMachineArn"] = arn, ["definition"] = ApiTestCalls.Definition("wait-hour"),
        });
        JsonObject again = await host.OkAsync("UpdateStateMachine", new JsonObject
        {
            ["stateMachineArn"] = arn, ["tracingConfiguration"] = new JsonObject { ["enabled"] = true },
        });

        JsonObject described = await host.OkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn });
        Assert.Equal(ApiTestCalls.Definition("wait-hour"), (string?)described["definition"]);
        Assert.True((bool)described["tracingConfiguration"]!["enabled"]!);
        Assert.Equal((string?)again["revisionId"], (string?)described["revisionId"]);
        Assert.NotEqual((string?)updated["revisionId"], (string?)again["revisionId"]);
        Assert.NotNull(updated["updateDate"]);
    }

    [Fact]
    public async Task UpdateStateMachine_NothingOrInvalid_AwsErrors()
    {
        string arn = await host.CreateAsync("update-bad", "greet");

        await host.ErrorAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = arn }, ApiErrorTypes.MissingRequiredParameter);
        await host.ErrorAsync("UpdateStateMachine", new JsonObject
        {
            ["stateMachineArn"] = arn, ["definition"] = ApiTestCalls.Definition("invalid"),
        }, ApiErrorTypes.InvalidDefinition);
        await host.ErrorAsync("UpdateStateMachine", new JsonObject
        {
            ["stateMachineArn"] = arn + "-gone", ["roleArn"] = ApiTestCalls.Role,
        }, ApiErrorTypes.StateMachineDoesNotExist);
    }

    [Fact]
    public async Task DeleteStateMachine_Existing_GoneAfterwardsAndDeletingAgainSucceeds()
    {
        string arn = await host.CreateAsync("delete-me", "greet");

        await host.OkAsync("DeleteStateMachine", new JsonObject { ["stateMachineArn"] = arn });

        await host.ErrorAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn }, ApiErrorTypes.StateMachineDoesNotExist);
        await host.OkAsync("DeleteStateMachine", new JsonObject { ["stateMachineArn"] = arn });
    }

    [Fact]
    public async Task ListStateMachines_Paged_EveryMachineOnceInNameOrder()
    {
        for (int i = 0; i < 5; i++)
        {
            await host.CreateAsync($"list-{i}", "greet");
        }

        List<string> names = [];
        string? token = null;
        int pages = 0;
        do
        {
            JsonObject request = new() { ["maxResults"] = 2 };
            if (token is not null)
            {
                request["nextToken"] = token;
            }

            JsonObject page = await host.OkAsync("ListStateMachines", request);
            JsonArray machines = page["stateMachines"]!.AsArray();
            Assert.True(machines.Count <= 2);
            names.AddRange(machines.Select(m => (string)m!["name"]!));
            Assert.All(machines, m => Assert.Equal("STANDARD", (string?)m!["type"]));
            token = (string?)page["nextToken"];
            pages++;
        }
        while (token is not null);

        List<string> listed = [.. names.Where(n => n.StartsWith("list-", StringComparison.Ordinal))];
        Assert.Equal(["list-0", "list-1", "list-2", "list-3", "list-4"], listed);
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.True(pages >= 3);
    }

    [Theory]
    [InlineData(-1, null, ApiErrorTypes.ValidationException)]
    [InlineData(1001, null, ApiErrorTypes.ValidationException)]
    [InlineData(10, "bm90LWEtdG9rZW4=", ApiErrorTypes.InvalidToken)]
    [InlineData(10, "%%%", ApiErrorTypes.InvalidToken)]
    public async Task ListStateMachines_BadPaging_AwsError(int maxResults, string? token, string errorType)
    {
        JsonObject request = new() { ["maxResults"] = maxResults };
        if (token is not null)
        {
            request["nextToken"] = token;
        }

        await host.ErrorAsync("ListStateMachines", request, errorType);
    }

    [Fact]
    public async Task ValidateStateMachineDefinition_Invalid_FailWithValidatorDiagnostics()
    {
        JsonObject result = await host.OkAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = ApiTestCalls.Definition("invalid") });

        Assert.Equal("FAIL", (string?)result["result"]);
        Assert.False((bool)result["truncated"]!);
        JsonArray diagnostics = result["diagnostics"]!.AsArray();
        Assert.Contains(diagnostics, d => (string?)d!["code"] == "MISSING_TRANSITION_TARGET" && (string?)d["severity"] == "ERROR"
            && ((string?)d["location"])!.StartsWith("/States", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateStateMachineDefinition_ValidAndTruncation_OkAndTruncatedFlag()
    {
        JsonObject ok = await host.OkAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = ApiTestCalls.Definition("greet") });
        JsonObject one = await host.OkAsync("ValidateStateMachineDefinition", new JsonObject
        {
            ["definition"] = ApiTestCalls.Definition("invalid"), ["maxResults"] = 1,
        });

        Assert.Equal("OK", (string?)ok["result"]);
        Assert.Empty(ok["diagnostics"]!.AsArray());
        Assert.Single(one["diagnostics"]!.AsArray());
        Assert.True((bool)one["truncated"]!);
        await host.ErrorAsync("ValidateStateMachineDefinition", new JsonObject(), ApiErrorTypes.ValidationException);
        await host.ErrorAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = "{}", ["severity"] = "INFO" }, ApiErrorTypes.ValidationException);
    }
}
