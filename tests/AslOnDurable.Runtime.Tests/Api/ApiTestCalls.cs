using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Testing;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>Sends API requests and reads answers in tests.</summary>
internal static class ApiTestCalls
{
    public const string Role = "arn:aws:iam::123456789012:role/StepFunctionsRole";

    public static string Definition(string name) => DefinitionFiles.Read("api", name);

    /// <summary>An execution's one map run, once the parent has recorded its start (polled for up to 2 minutes).</summary>
    public static async Task<string> MapRunOfAsync(this StepFunctionsSelfHost host, string execution)
    {
        using CancellationTokenSource budget = new(TimeSpan.FromMinutes(2));
        while (true)
        {
            JsonObject listed = await host.OkAsync("ListMapRuns", new JsonObject { ["executionArn"] = execution });
            if (listed["mapRuns"]!.AsArray() is [{ } only])
            {
                return (string)only["mapRunArn"]!;
            }

            await Task.Delay(20, budget.Token);
        }
    }

    public static async Task<JsonObject> OkAsync(this StepFunctionsSelfHost host, string action, JsonObject request)
    {
        ApiResponse response = await host.DispatchAsync(StepFunctionsDispatcher.TargetPrefix + action, request.ToJsonString(), CancellationToken.None);
        Assert.True(response.StatusCode == 200, $"{action}: {response.StatusCode} {response.Body}");
        return (JsonObject)JsonNode.Parse(response.Body)!;
    }

    public static async Task<JsonObject> ErrorAsync(this StepFunctionsSelfHost host, string action, JsonObject request, string errorType) =>
        Error(await host.DispatchAsync(StepFunctionsDispatcher.TargetPrefix + action, request.ToJsonString(), CancellationToken.None), errorType);

    public static JsonObject Error(ApiResponse response, string errorType)
    {
        Assert.Equal(400, response.StatusCode);
        JsonObject body = (JsonObject)JsonNode.Parse(response.Body)!;
        Assert.Equal(errorType, (string?)body["__type"]);
        Assert.False(string.IsNullOrEmpty((string?)body["message"]));
        return body;
    }

    public static async Task<string> CreateAsync(this StepFunctionsSelfHost host, string name, string definition, string type = "STANDARD") =>
        (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["definition"] = Definition(definition), ["roleArn"] = Role, ["type"] = type,
        }))["stateMachineArn"]!;
}
