using AslOnDurable.Runtime.Durable;

namespace AslOnDurable.Runtime.Tests.Durable;

public sealed class ExecutionPlanCacheTests
{
    private const string Valid = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";

    [Fact]
    public void Get_SameTextTwice_CompilesOnce()
    {
        ExecutionPlanCache cache = new();

        Assert.Same(cache.Get(Valid), cache.Get(Valid));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Get_InvalidDefinition_ReportsEveryError()
    {
        CompiledDefinition compiled = new ExecutionPlanCache().Get("""{"StartAt":"Missing","States":{"P":{"Type":"Pass"}}}""");

        Assert.Null(compiled.Plan);
        Assert.StartsWith("The definition is invalid: ", compiled.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_MoreDefinitionsThanCapacity_StaysBounded()
    {
        ExecutionPlanCache cache = new(capacity: 2);

        for (int i = 0; i < 5; i++)
        {
            Assert.NotNull(cache.Get(Valid.Replace("\"P\"", $"\"P{i}\"", StringComparison.Ordinal)).Plan);
        }

        Assert.InRange(cache.Count, 1, 2);
    }
}
