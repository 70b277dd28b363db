using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Context;

namespace AslOnDurable.Core.Tests.Engine.Context;

public sealed class VariableScopeTests
{
    [Fact]
    public void TryGet_InnerScope_ReadsOuterAndShadowsWithoutChangingIt()
    {
        var outer = new VariableScope(null);
        outer.AssignAll(new JsonObject { ["x"] = 1, ["y"] = 2 });
        var inner = new VariableScope(outer);

        inner.AssignAll(new JsonObject { ["x"] = 10 });

        Assert.True(inner.TryGet("x", out var innerX));
        Assert.Equal(10, innerX!.GetValue<int>());
        Assert.True(inner.TryGet("y", out var y));
        Assert.Equal(2, y!.GetValue<int>());
        Assert.True(outer.TryGet("x", out var outerX));
        Assert.Equal(1, outerX!.GetValue<int>());
    }

    [Fact]
    public void AssignAll_TakesValuesOutOfTheAssignObject()
    {
        var scope = new VariableScope(null);
        var assignments = new JsonObject { ["v"] = new JsonObject { ["k"] = 1 } };

        scope.AssignAll(assignments);

        Assert.Empty(assignments);
        Assert.True(scope.TryGet("v", out var v));
        Assert.Null(v!.Parent);
    }

    [Fact]
    public void TryGet_Unknown_ReturnsFalse()
    {
        Assert.False(new VariableScope(null).TryGet("nope", out _));
    }
}
