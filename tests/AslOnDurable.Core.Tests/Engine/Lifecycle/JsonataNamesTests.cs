using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Tests.Engine.Lifecycle;

/// <summary>
/// The names the engine builds <c>$states</c> and its context object with are the instances expressions read them by,
/// whichever was compiled first.
/// </summary>
public sealed class JsonataNamesTests
{
    [Fact]
    public void StatesNames_SameInstancesAsAnExpressionsNames()
    {
        JsonataExpression.Compile("$states.input.x & $states.context.State.Name & $states.result & $states.errorOutput");

        Assert.Same(JsonataNames.Input, JsonataValue.ShareName(new string("input".AsSpan())));
        Assert.Same(JsonataNames.Context, JsonataValue.ShareName(new string("context".AsSpan())));
        Assert.Same(JsonataNames.State, JsonataValue.ShareName(new string("State".AsSpan())));
        Assert.Same(JsonataNames.Name, JsonataValue.ShareName(new string("Name".AsSpan())));
        Assert.Same(JsonataNames.Result, JsonataValue.ShareName(new string("result".AsSpan())));
        Assert.Same(JsonataNames.ErrorOutput, JsonataValue.ShareName(new string("errorOutput".AsSpan())));
    }

    [Fact]
    public void ShareName_SameTextTwice_OneInstance()
    {
        var name = "shared_" + Guid.NewGuid().ToString("N")[..8];

        Assert.Same(JsonataValue.ShareName(name), JsonataValue.ShareName(new string(name.AsSpan())));
    }
}
