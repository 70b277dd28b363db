using AslOnDurable.Core.Paths.Intrinsics.Functions.String;

namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.String;

public class FormatTemplateTests
{
    [Fact]
    public void FromEscaped_EscapedBraces_AreNotPlaceholders()
    {
        var template = FormatTemplate.FromEscaped(@"a {} b \{\} c {");
        Assert.Equal(1, template.PlaceholderCount);
        Assert.Equal(["a ", " b {} c {"], template.Literals);
    }

    [Fact]
    public void FromValue_Backslashes_AreKept()
    {
        var template = FormatTemplate.FromValue(@"x\{}y{}");
        Assert.Equal(2, template.PlaceholderCount);
        Assert.Equal([@"x\", "y", ""], template.Literals);
    }
}
