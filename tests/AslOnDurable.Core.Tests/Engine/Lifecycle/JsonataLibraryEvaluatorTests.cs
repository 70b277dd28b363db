using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths;
using Moq;

namespace AslOnDurable.Core.Tests.Engine.Lifecycle;

public sealed class JsonataLibraryEvaluatorTests
{
    [Fact]
    public void TryEvaluate_StatesAndVariables_AreBound()
    {
        var environment = new Mock<IEvaluationEnvironment>();
        JsonNode? bias = JsonValue.Create(5);
        environment.Setup(e => e.TryGetVariable("bias", out bias)).Returns(true);
        var expression = new JsonataLibraryEvaluator().Compile("$states.input.n + $bias");

        Assert.True(expression.TryEvaluate(new JsonObject { ["input"] = new JsonObject { ["n"] = 2 } }, environment.Object, out var result));

        Assert.Equal(7, result!.GetValue<double>());
    }

    [Fact]
    public void Compile_SyntaxError_RaisesQueryEvaluationError()
    {
        var error = Assert.Throws<AslErrorException>(() => new JsonataLibraryEvaluator().Compile("1 +"));

        Assert.Equal(StatesErrorNames.QueryEvaluationError, error.Error.Error);
    }

    [Fact]
    public void TryEvaluate_ClrBuiltNumbers_AreReadWithoutReserialising()
    {
        var environment = new Mock<IEvaluationEnvironment>();
        JsonNode? big = JsonValue.Create(9_000_000_000L);
        environment.Setup(e => e.TryGetVariable("big", out big)).Returns(true);
        var expression = new JsonataLibraryEvaluator().Compile("$states.input.n * 2 + $states.input.d + $big");
        var states = new JsonObject { ["input"] = new JsonObject { ["n"] = JsonValue.Create(3), ["d"] = JsonValue.Create(0.5m) } };

        Assert.True(expression.TryEvaluate(states, environment.Object, out var result));

        Assert.Equal(9_000_000_006.5, result!.GetValue<double>());
    }

    [Fact]
    public void TryEvaluate_FunctionResult_RaisesUnsupportedResult()
    {
        var expression = new JsonataLibraryEvaluator().Compile("function($x){$x}");

        var error = Assert.Throws<AslErrorException>(() => expression.TryEvaluate(null, Mock.Of<IEvaluationEnvironment>(), out _));

        Assert.Equal(StatesErrorNames.QueryEvaluationError, error.Error.Error);
        Assert.Equal(JsonataTemplate.UnsupportedResultCause, error.Error.Cause);
    }
}
