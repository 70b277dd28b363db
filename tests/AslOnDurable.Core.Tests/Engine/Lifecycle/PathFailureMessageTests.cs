using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;

namespace AslOnDurable.Core.Tests.Engine.Lifecycle;

public sealed class PathFailureMessageTests
{
    [Fact]
    public void For_LastStepMissing_SaysNoResults()
    {
        Assert.Equal("Invalid path '$.a' : No results for path: $['a']", PathFailureMessage.For("$.a", JsonNode.Parse("{}")));
    }

    [Fact]
    public void For_IntermediateStepMissing_SaysMissingProperty()
    {
        Assert.Equal("Invalid path '$.a.b.c' : Missing property in path $['a']", PathFailureMessage.For("$.a.b.c", JsonNode.Parse("{}")));
    }
}
