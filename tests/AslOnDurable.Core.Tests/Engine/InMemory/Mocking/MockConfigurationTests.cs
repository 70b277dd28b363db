using AslOnDurable.Core.Engine.InMemory.Mocking;

namespace AslOnDurable.Core.Tests.Engine.InMemory.Mocking;

public sealed class MockConfigurationTests
{
    private const string Config = """
        {"StateMachines":{"Machine":{"TestCases":{"Happy":{"Invoke":"InvokeResponse"}}}},
         "MockedResponses":{"InvokeResponse":{"0":{"Throw":{"Error":"Boom","Cause":"first"}},"1-2":{"Return":{"ok":true}}}}}
        """;

    [Fact]
    public void GetTestCase_UnknownMachineName_UsesTheOnlyMachine()
    {
        var testCase = MockConfiguration.Parse(Config).GetTestCase("OtherName", "Happy");

        Assert.True(testCase.States.ContainsKey("Invoke"));
    }

    [Fact]
    public void GetTestCase_Ranges_AnswerByInvocationNumber()
    {
        var response = MockConfiguration.Parse(Config).GetTestCase(null, "Happy").States["Invoke"];

        Assert.True(response.TryGet(0, out var first));
        Assert.Equal("Boom", first.Throw!.Error);
        Assert.True(response.TryGet(2, out var third));
        Assert.NotNull(third.Return);
        Assert.False(response.TryGet(3, out _));
    }

    [Fact]
    public void GetTestCase_UnknownTestCase_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => MockConfiguration.Parse(Config).GetTestCase(null, "Sad"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"MockedResponses":{"R":{"x":{"Return":1}}}}""")]
    [InlineData("""{"MockedResponses":{"R":{"0":{"Nothing":1}}}}""")]
    public void Parse_Malformed_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => MockConfiguration.Parse(text));
    }
}
