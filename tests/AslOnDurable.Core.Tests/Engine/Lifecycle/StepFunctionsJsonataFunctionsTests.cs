using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Testing;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Tests.Engine.Lifecycle;

public sealed class StepFunctionsJsonataFunctionsTests
{
    private static JsonNode? Evaluate(string expression, FakeExecutionHost? host = null)
    {
        var environment = StepFunctionsJsonataFunctions.CreateEnvironment(host ?? new FakeExecutionHost());
        return JsonataExpression.Compile(expression).Evaluate(JsonataValue.Undefined, null, environment).Node;
    }

    [Fact]
    public void Partition_ChunksArray()
    {
        JsonAssert.Equal("[[1,2],[3]]", Evaluate("$partition([1,2,3], 2)"));
    }

    [Fact]
    public void Range_IsInclusiveWithStep()
    {
        JsonAssert.Equal("[1,3,5]", Evaluate("$range(1, 5, 2)"));
    }

    [Fact]
    public void Hash_Sha256_IsLowercaseHex()
    {
        Assert.Equal("a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e", Evaluate("$hash('Hello World', 'SHA-256')")!.GetValue<string>());
    }

    [Fact]
    public void Uuid_ComesFromHost()
    {
        var host = new FakeExecutionHost();

        var uuid = Evaluate("$uuid()", host)!.GetValue<string>();

        Assert.Equal(new Guid(1, 0, 0, new byte[8]).ToString(), uuid);
    }

    [Fact]
    public void Parse_ReadsJsonText()
    {
        JsonAssert.Equal("""{"a":[1]}""", Evaluate("""$parse('{"a":[1]}')"""));
    }

    [Fact]
    public void Random_Seeded_IsReproducible()
    {
        Assert.Equal(Evaluate("$random(7)")!.GetValue<double>(), Evaluate("$random(7)")!.GetValue<double>());
    }
}
