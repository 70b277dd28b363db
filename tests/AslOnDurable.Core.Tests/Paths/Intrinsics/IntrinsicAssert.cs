using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths;
using AslOnDurable.Core.Paths.Intrinsics;

namespace AslOnDurable.Core.Tests.Paths.Intrinsics;

/// <summary>Shared assertions for intrinsic function tests: evaluate a call and compare compact JSON.</summary>
internal static class IntrinsicAssert
{
    public static string Evaluate(string call, string input = "{}", IEvaluationEnvironment? environment = null)
    {
        Assert.True(IntrinsicExpression.TryParse(call, out var expression, out var error), error);
        var result = expression.Evaluate(JsonNode.Parse(input), environment ?? new FakeEvaluationEnvironment());
        return CompactJson.Of(result);
    }

    public static void Returns(string expectedJson, string call, string input = "{}", IEvaluationEnvironment? environment = null) =>
        Assert.Equal(expectedJson, Evaluate(call, input, environment));

    public static AslError Fails(string call, string input = "{}", IEvaluationEnvironment? environment = null)
    {
        Assert.True(IntrinsicExpression.TryParse(call, out var expression, out var error), error);
        var ex = Assert.Throws<AslErrorException>(() => expression.Evaluate(JsonNode.Parse(input), environment ?? new FakeEvaluationEnvironment()));
        Assert.Equal(StatesErrorNames.Runtime, ex.Error.Error);
        return ex.Error;
    }

    public static string Rejected(string call)
    {
        Assert.False(IntrinsicExpression.TryParse(call, out _, out var error));
        return error;
    }
}
