using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Context;
using AslOnDurable.Jsonata;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Context;

public sealed class StateEnvironmentJsonataContextTests
{
    private static StateEnvironment NewEnvironment(ExecutionOptions? options = null)
    {
        options ??= new ExecutionOptions();
        var request = new ExecutionRequest { Input = JsonNode.Parse("""{"order":{"id":7,"lines":[1,"two",null]},"note":"é"}"""), Name = "run-1" };
        var run = new ExecutionRun(request, new FakeExecutionHost(new DateTimeOffset(2026, 12, 6, 21, 0, 0, 123, TimeSpan.Zero)), options, null);
        return new StateEnvironment(run, new VariableScope(null, new VariableSizeBudget(options)));
    }

    // Compared as text, so the members' order counts too.
    private static void AssertSameAsContextObject(StateEnvironment environment) =>
        Assert.Equal(JsonataValue.FromNode(environment.ContextObject).ToJsonString(), environment.JsonataContext.ToJsonString());

    [Fact]
    public void JsonataContext_ThroughRetriesTokensAndMapItems_EqualsTheContextObjectAfterEachChange()
    {
        var environment = NewEnvironment();
        var entered = new DateTimeOffset(2026, 12, 6, 21, 0, 1, 456, TimeSpan.Zero);

        environment.Enter("Pass state", entered, 2, hasRetryCount: false);
        AssertSameAsContextObject(environment);

        environment.Enter("Task", entered.AddSeconds(1), 4, hasRetryCount: true);
        AssertSameAsContextObject(environment);
        environment.SetRetryCount(2);
        AssertSameAsContextObject(environment);
        environment.SetTaskToken("token-1");
        AssertSameAsContextObject(environment);
        environment.SetTaskToken(null);
        AssertSameAsContextObject(environment);

        environment.Enter("Map", entered.AddSeconds(2), 9, hasRetryCount: true);
        environment.SetMapItem(0, JsonNode.Parse("""{"sku":"a","qty":[1,2]}"""));
        AssertSameAsContextObject(environment);
        environment.SetMapItem(3, null);
        AssertSameAsContextObject(environment);
        environment.SetMapItem(-1, null);
        AssertSameAsContextObject(environment);

        Assert.Equal(
            """{"Name":"Map","EnteredTime":"2026-12-06T21:00:03.456Z","RetryCount":0}""",
            JsonataValue.FromNode(environment.ContextObject!["State"]).ToJsonString());
    }

    [Fact]
    public void JsonataContext_ReadTwiceWithoutChange_GivesTheSameValue()
    {
        var environment = NewEnvironment();
        environment.Enter("A", DateTimeOffset.UnixEpoch, 2, hasRetryCount: true);

        var first = environment.JsonataContext;
        var second = environment.JsonataContext;
        environment.SetRetryCount(1);
        var afterRetry = environment.JsonataContext;

        Assert.Equal(first, second);
        Assert.NotEqual(first, afterRetry);
    }

    [Fact]
    public void JsonataContext_FixedContextObject_IsThatObject()
    {
        var environment = NewEnvironment(new ExecutionOptions { FixedContextObject = new JsonObject { ["State"] = new JsonObject { ["Name"] = "given" } } });
        environment.Enter("A", DateTimeOffset.UnixEpoch, 2, hasRetryCount: false);

        Assert.Equal("""{"State":{"Name":"given"}}""", environment.JsonataContext.ToJsonString());
    }
}
