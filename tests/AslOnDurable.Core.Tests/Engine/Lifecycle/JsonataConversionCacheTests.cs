using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Tests.Engine.Lifecycle;

public sealed class JsonataConversionCacheTests
{
    [Fact]
    public void RentStatesObject_AfterReturn_GivesTheSameObjectBack()
    {
        var cache = new JsonataConversionCache();
        var first = cache.RentStatesObject();
        first["input"] = 1;
        first.Clear();
        cache.ReturnStatesObject(first);

        var second = cache.RentStatesObject();

        Assert.Same(first, second);
        Assert.Empty(second);
    }

    [Fact]
    public void RentStatesObject_WhileOneIsRented_GivesAnotherObject()
    {
        var cache = new JsonataConversionCache();

        var outer = cache.RentStatesObject();
        var inner = cache.RentStatesObject();

        Assert.NotSame(outer, inner);
    }

    [Fact]
    public void ConvertStates_ObjectReturnedAndRentedAgain_ConvertsItsNewMembers()
    {
        var cache = new JsonataConversionCache();
        var states = cache.RentStatesObject();
        states["input"] = new JsonObject { ["a"] = 1 };
        Assert.Equal("""{"input":{"a":1}}""", cache.ConvertStates(states, JsonataValue.Undefined).ToJsonString());
        states.Clear();
        cache.ReturnStatesObject(states);

        var again = cache.RentStatesObject();
        again["input"] = new JsonObject { ["b"] = 2 };

        // Same object, same member count: the value held for the first use must not be taken.
        Assert.Equal("""{"input":{"b":2}}""", cache.ConvertStates(again, JsonataValue.Undefined).ToJsonString());
    }
}
