using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Tests.Api;

public sealed class TagOperationsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private readonly StepFunctionsSelfHost host = fixture.Host;

    private static JsonArray Tags(params (string Key, string Value)[] tags) =>
        [.. tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value })];

    private async Task<string> TagsOfAsync(string arn) =>
        (await host.OkAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = arn }))["tags"]!.ToJsonString();

    [Fact]
    public async Task Tags_StateMachine_CreateTagChangeUntagList()
    {
        string arn = (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "tagged-machine", ["definition"] = ApiTestCalls.Definition("greet"), ["roleArn"] = ApiTestCalls.Role,
            ["tags"] = Tags(("team", "a"), ("env", "dev")),
        }))["stateMachineArn"]!;
        Assert.Equal("""[{"key":"team","value":"a"},{"key":"env","value":"dev"}]""", await TagsOfAsync(arn));

        await host.OkAsync("TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = Tags(("env", "prod"), ("cost", "42")) });
        Assert.Equal("""[{"key":"team","value":"a"},{"key":"env","value":"prod"},{"key":"cost","value":"42"}]""", await TagsOfAsync(arn));

        await host.OkAsync("UntagResource", new JsonObject { ["resourceArn"] = arn, ["tagKeys"] = new JsonArray("team", "absent") });
        Assert.Equal("""[{"key":"env","value":"prod"},{"key":"cost","value":"42"}]""", await TagsOfAsync(arn));
    }

    [Fact]
    public async Task Tags_Activity_TagAndUntag()
    {
        string arn = (string)(await host.OkAsync("CreateActivity", new JsonObject { ["name"] = "tagged-activity", ["tags"] = Tags(("k", "v")) }))["activityArn"]!;

        await host.OkAsync("TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = Tags(("k2", "")) });
        Assert.Equal("""[{"key":"k","value":"v"},{"key":"k2","value":""}]""", await TagsOfAsync(arn));
        await host.OkAsync("UntagResource", new JsonObject { ["resourceArn"] = arn, ["tagKeys"] = new JsonArray("k") });

        Assert.Equal("""[{"key":"k2","value":""}]""", await TagsOfAsync(arn));
    }

    [Fact]
    public async Task TagResource_Over50Tags_TooManyTagsAndNothingChanged()
    {
        string arn = (string)(await host.OkAsync("CreateActivity", new JsonObject { ["name"] = "tag-limit" }))["activityArn"]!;
        await host.OkAsync("TagResource", new JsonObject
        {
            ["resourceArn"] = arn, ["tags"] = Tags([.. Enumerable.Range(0, 50).Select(i => ($"k{i}", "v"))]),
        });

        await host.ErrorAsync("TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = Tags(("one-more", "v")) }, ApiErrorTypes.TooManyTags);
        await host.OkAsync("TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = Tags(("k0", "changed")) });

        JsonArray tags = (await host.OkAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = arn }))["tags"]!.AsArray();
        Assert.Equal(50, tags.Count);
        Assert.Equal("changed", (string?)tags[0]!["value"]);
        await host.ErrorAsync("CreateActivity", new JsonObject
        {
            ["name"] = "tag-limit-create", ["tags"] = Tags([.. Enumerable.Range(0, 51).Select(i => ($"k{i}", "v"))]),
        }, ApiErrorTypes.TooManyTags);
    }

    [Theory]
    [InlineData("arn:aws:states:us-east-1:123456789012:stateMachine:none", ApiErrorTypes.ResourceNotFound)]
    [InlineData("arn:aws:states:us-east-1:123456789012:activity:none", ApiErrorTypes.ResourceNotFound)]
    [InlineData("arn:aws:states:us-east-1:123456789012:execution:m:e", ApiErrorTypes.InvalidArn)]
    [InlineData("nonsense", ApiErrorTypes.InvalidArn)]
    public async Task TagActions_UnknownOrOtherArn_AwsError(string arn, string errorType)
    {
        await host.ErrorAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = arn }, errorType);
        await host.ErrorAsync("TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = Tags(("k", "v")) }, errorType);
        await host.ErrorAsync("UntagResource", new JsonObject { ["resourceArn"] = arn, ["tagKeys"] = new JsonArray("k") }, errorType);
    }

    [Theory]
    [InlineData("""{"tags":[]}""")]
    [InlineData("""{"resourceArn":"arn:aws:states:us-east-1:123456789012:activity:tag-bad"}""")]
    [InlineData("""{"resourceArn":"arn:aws:states:us-east-1:123456789012:activity:tag-bad","tags":[{"value":"v"}]}""")]
    [InlineData("""{"resourceArn":"arn:aws:states:us-east-1:123456789012:activity:tag-bad","tags":[{"key":"bad#key","value":"v"}]}""")]
    public async Task TagResource_BadRequest_ValidationException(string body)
    {
        await host.OkAsync("CreateActivity", new JsonObject { ["name"] = "tag-bad" });

        ApiTestCalls.Error(await host.DispatchAsync("AWSStepFunctions.TagResource", body, CancellationToken.None), ApiErrorTypes.ValidationException);
    }

    [Fact]
    public async Task TagResource_KeyOrValueTooLong_ValidationException()
    {
        string arn = (string)(await host.OkAsync("CreateActivity", new JsonObject { ["name"] = "tag-long" }))["activityArn"]!;

        await host.ErrorAsync("TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = Tags((new string('k', 129), "v")) }, ApiErrorTypes.ValidationException);
        await host.ErrorAsync("TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = Tags(("k", new string('v', 257))) }, ApiErrorTypes.ValidationException);
        await host.ErrorAsync("UntagResource", new JsonObject { ["resourceArn"] = arn }, ApiErrorTypes.ValidationException);
    }
}
