using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Tests.Paths;

public class PathNotFoundCauseTests
{
    [Fact]
    public void Format_WithField_UsesAwsWording() =>
        Assert.Equal(
            "The JSONPath '$.application.address' specified for the field 'address.$' could not be found in the input '{\"flagged\":false}'",
            PathNotFoundCause.Format("$.application.address", "address.$", JsonNode.Parse("""{ "flagged": false }""")));

    [Fact]
    public void Format_InputNumbers_RenderLikeJackson() =>
        Assert.Equal(
            "The JSONPath '$.x' specified for the field 'x.$' could not be found in the input '{\"a\":1.5,\"b\":100.0,\"c\":7}'",
            PathNotFoundCause.Format("$.x", "x.$", JsonNode.Parse("""{"a":1.50,"b":1e2,"c":7}""")));

    [Fact]
    public void Format_WithoutField_OmitsIt() =>
        Assert.Equal("The JSONPath '$.a' could not be found in the input 'null'", PathNotFoundCause.Format("$.a", null, null));
}
