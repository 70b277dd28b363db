using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Context;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Tests.Engine.Context;

public sealed class VariableScopeTests
{
    [Fact]
    public void TryGet_InnerScope_ReadsOuterAndShadowsWithoutChangingIt()
    {
        var outer = Root();
        Assign(outer, new JsonObject { ["x"] = 1, ["y"] = 2 });
        var inner = outer.CreateChild();

        Assign(inner, new JsonObject { ["x"] = 10 });

        Assert.True(inner.TryGet("x", out var innerX));
        Assert.Equal(10, innerX!.GetValue<int>());
        Assert.True(inner.TryGet("y", out var y));
        Assert.Equal(2, y!.GetValue<int>());
        Assert.True(outer.TryGet("x", out var outerX));
        Assert.Equal(1, outerX!.GetValue<int>());
    }

    [Fact]
    public void Prepare_TakesValuesOutOfTheAssignObject()
    {
        var scope = Root();
        var assignments = new JsonObject { ["v"] = new JsonObject { ["k"] = 1 } };

        Assign(scope, assignments);

        Assert.Empty(assignments);
        Assert.True(scope.TryGet("v", out var v));
        Assert.Null(v!.Parent);
    }

    [Fact]
    public void TryGet_Unknown_ReturnsFalse()
    {
        Assert.False(Root().TryGet("nope", out _));
    }

    [Fact]
    public void Commit_SizesOfTheValues_AddUpInTheExecutionTotal()
    {
        var scope = Root();

        Assign(scope, new JsonObject { ["a"] = "xyz", ["b"] = 12, ["c"] = null, ["d"] = new JsonObject { ["k"] = true } });

        // "xyz" = 5, 12 = 2, null = 4, {"k":true} = 10.
        Assert.Equal(21, scope.Budget.Total);
    }

    [Fact]
    public void Commit_Reassignment_ReplacesTheOldSizeInTheTotal()
    {
        var scope = Root();
        Assign(scope, new JsonObject { ["a"] = "0123456789" });

        Assign(scope, new JsonObject { ["a"] = "0" });

        Assert.Equal(3, scope.Budget.Total);
    }

    [Fact]
    public void Prepare_OverALimit_ThrowsDataLimitExceededAndAssignsNothing()
    {
        var scope = Root(new ExecutionOptions { MaxVariableBytes = 4 });

        var e = Assert.Throws<AslErrorException>(() => scope.Prepare(new JsonObject { ["ok"] = 1, ["big"] = "abc" }, "S"));

        Assert.Equal(StatesErrorNames.DataLimitExceeded, e.Error.Error);
        Assert.False(scope.TryGet("ok", out _));
        Assert.Equal(0, scope.Budget.Total);
    }

    [Fact]
    public void Prepare_HeldJsonataValues_CheckedAgainstTheLimitsAndNodesMeasuredWhenUnmeasured()
    {
        var scope = Root(new ExecutionOptions { MaxVariableBytes = 8 });
        var held = new AssignedVariable("h", null, 7, new HeldJsonataValue(AslOnDurable.Jsonata.JsonataValue.Parse("[1,2,3]")));

        var prepared = scope.Prepare([held, new AssignedVariable("n", JsonValue.Create("ab"), -1)], "S");
        scope.Commit(prepared, "S");
        var tooBig = Assert.Throws<AslErrorException>(() => scope.Prepare([held with { Size = 9 }], "S"));

        Assert.Equal(4, prepared[1].Size);
        Assert.True(scope.TryGetVariable("h", out var variable));
        Assert.Same(held.Held, variable.Held);
        Assert.True(scope.TryGet("h", out var node));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[1,2,3]"), node));
        Assert.Equal(11, scope.Budget.Total);
        Assert.Equal(StatesErrorNames.DataLimitExceeded, tooBig.Error.Error);
    }

    [Fact]
    public void Release_EndedInnerScope_StopsCountingOnlyItsOwnVariables()
    {
        var outer = Root();
        Assign(outer, new JsonObject { ["a"] = "xyz" });
        var inner = outer.CreateChild();
        Assign(inner, new JsonObject { ["b"] = "0123456789" });
        Assert.Equal(17, outer.Budget.Total);

        inner.Release();
        inner.Release();

        Assert.Equal(5, outer.Budget.Total);
    }

    [Fact]
    public void Restore_CheckpointVariables_MeasuredAgainWithoutLimitChecks()
    {
        var scope = Root(new ExecutionOptions { MaxAssignBytes = 4, MaxTotalVariableBytes = 8 });

        scope.Restore(new JsonObject { ["a"] = "xyz", ["b"] = "uvw" });

        Assert.Equal(10, scope.Budget.Total);
        Assert.True(scope.TryGet("b", out var b));
        Assert.Equal("uvw", b!.GetValue<string>());
    }

    [Fact]
    public void Commit_AnotherScopeTookTheRoomAfterPrepare_ThrowsDataLimitExceeded()
    {
        var outer = Root(new ExecutionOptions { MaxTotalVariableBytes = 10 });
        var first = outer.CreateChild();
        var second = outer.CreateChild();
        var prepared = first.Prepare(new JsonObject { ["a"] = "abcd" }, "First");
        Assign(second, new JsonObject { ["b"] = "abcd" });

        var e = Assert.Throws<AslErrorException>(() => first.Commit(prepared, "First"));

        Assert.Equal(StatesErrorNames.DataLimitExceeded, e.Error.Error);
        Assert.False(first.TryGet("a", out _));
        Assert.Equal(6, outer.Budget.Total);
    }

    private static VariableScope Root(ExecutionOptions? options = null) => new(null, new VariableSizeBudget(options ?? new ExecutionOptions()));

    private static void Assign(VariableScope scope, JsonObject assignments) => scope.Commit(scope.Prepare(assignments, "S"), "S");
}
