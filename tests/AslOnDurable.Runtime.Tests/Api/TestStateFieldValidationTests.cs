using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>TestState's <c>mock.fieldValidationMode</c>: a mocked Task result against its API's response shape.</summary>
public sealed class TestStateFieldValidationTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private readonly StepFunctionsSelfHost host = fixture.Host;

    private static JsonObject Request(string resource, string result, string? mode)
    {
        JsonObject mock = new() { ["result"] = result };
        if (mode is not null)
        {
            mock["fieldValidationMode"] = mode;
        }

        return new JsonObject
        {
            ["definition"] = $$"""{"Type":"Task","Resource":"{{resource}}","End":true}""",
            ["input"] = "{}",
            ["mock"] = mock,
        };
    }

    [Theory]
    [InlineData("arn:aws:states:::events:putEvents", """{"Entries":"not a list"}""", null, "Mock result schema validation error: Field 'Entries' must be an array")]
    [InlineData("arn:aws:states:::events:putEvents", """{"Entries":[{"EventId":"ok"},{"EventId":["no"]}]}""", null, "Mock result schema validation error: Field 'EventId' must be a string")]
    [InlineData("arn:aws:states:::states:startExecution", "{}", null, "Mock result schema validation error: Required field 'ExecutionArn' is missing")]
    [InlineData("arn:aws:states:::states:startExecution", """{"executionArn":"a","startDate":"d"}""", "STRICT", "Mock result schema validation error: Required field 'ExecutionArn' is missing")]
    [InlineData("arn:aws:states:::states:startExecution", """{"ExecutionArn":"a","StartDate":true}""", null, "Mock result schema validation error: Field 'StartDate' must be a string")]
    [InlineData("arn:aws:states:::lambda:invoke", """{"StatusCode":"200"}""", null, "Mock result schema validation error: Field 'StatusCode' must be a number")]
    [InlineData("arn:aws:states:::dynamodb:putItem", """{"ConsumedCapacity":{"CapacityUnits":"123.45"}}""", "PRESENT", "Mock result schema validation error: Field 'CapacityUnits' must be a number")]
    [InlineData("arn:aws:states:::aws-sdk:dynamodb:getItem", """{"Item":{"k":{"M":{"n":{"BOOL":"yes"}}}}}""", null, "Mock result schema validation error: Field 'BOOL' must be a boolean")]
    [InlineData("arn:aws:states:::aws-sdk:s3:getObject", """{"ContentLength":"9000"}""", null, "Mock result schema validation error: Field 'ContentLength' must be a number")]
    [InlineData("arn:aws:states:::aws-sdk:s3:getObject", """{"StorageClass":"Papyrus"}""", null, "Mock result schema validation error: Field 'StorageClass' is not an expected value")]
    [InlineData("arn:aws:states:::sqs:sendMessage", "[1]", null, "Mock result schema validation error: the result must be a JSON object")]
    public async Task TestState_MockResultNotOfTheApiShape_ValidationExceptionAsAws(string resource, string result, string? mode, string message)
    {
        JsonObject error = await host.ErrorAsync("TestState", Request(resource, result, mode), ApiErrorTypes.ValidationException);

        Assert.Equal(message, (string?)error["message"]);
    }

    [Theory]
    [InlineData("arn:aws:states:::events:putEvents", """{"random":"json"}""", null)]
    [InlineData("arn:aws:states:::events:putEvents", "{}", null)]
    [InlineData("arn:aws:states:::states:startExecution", """{"StartDate":"2025-01-01T00:00:00Z"}""", "PRESENT")]
    [InlineData("arn:aws:states:::states:startExecution", """{"ExecutionArn":1}""", "NONE")]
    [InlineData("arn:aws:states:::lambda:invoke", """{"StatusCode":200,"Payload":{"any":["json"]}}""", "STRICT")]
    [InlineData("arn:aws:states:::aws-sdk:dynamodb:getItem", """{"Item":{"k":{"L":[{"S":"a"},{"N":"1"}]}}}""", null)]
    [InlineData("arn:aws:states:::aws-sdk:ec2:describeInstances", """{"Reservations":"unchecked"}""", null)]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:f", "[1]", "STRICT")]
    public async Task TestState_MockResultThatFitsOrIsNotChecked_Succeeded(string resource, string result, string? mode)
    {
        JsonObject r = await host.OkAsync("TestState", Request(resource, result, mode));

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal(JsonNode.Parse(result)!.ToJsonString(), (string?)r["output"]);
    }

    [Fact]
    public async Task TestState_ExplicitStrictForAServiceWithoutAModelHere_ValidationExceptionSaysSo()
    {
        JsonObject error = await host.ErrorAsync(
            "TestState", Request("arn:aws:states:::aws-sdk:ec2:describeInstances", "{}", "STRICT"), ApiErrorTypes.ValidationException);

        Assert.Contains("fieldValidationMode NONE", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestState_UnknownFieldValidationMode_ValidationException()
    {
        await host.ErrorAsync("TestState", Request("arn:aws:states:::lambda:invoke", "{}", "LOOSE"), ApiErrorTypes.ValidationException);
    }
}
