using System.Text.Json.Nodes;
using AslOnDurable.Jsonata.Conformance;

namespace AslOnDurable.Jsonata.Tests.Conformance;

public sealed class JsonLinesServerTests
{
    private static JsonNode Reply(string request) => JsonNode.Parse(new JsonLinesServer().Handle(request))!;

    [Fact]
    public void Handle_ValueResult_EchoesIdAndResult()
    {
        var reply = Reply("""{"id":"g/1","expr":"a + 1","data":{"a":1},"bindings":{}}""");
        Assert.Equal("g/1", reply["id"]!.GetValue<string>());
        Assert.Equal(2, reply["result"]!.GetValue<int>());
    }

    [Fact]
    public void Handle_NoData_IsUndefinedInput()
    {
        var reply = Reply("""{"id":"g/2","expr":"$","bindings":{}}""");
        Assert.True(reply["undefined"]!.GetValue<bool>());
    }

    [Fact]
    public void Handle_Error_ReportsCodeTokenAndMessage()
    {
        var reply = Reply("""{"id":"g/3","expr":"1 + 'x'","bindings":{}}""");
        Assert.Equal("T2002", reply["error"]!["code"]!.GetValue<string>());
        Assert.Equal("+", reply["error"]!["token"]!.GetValue<string>());
        Assert.Equal("The right side of the \"+\" operator must evaluate to a number", reply["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public void Run_SeveralLines_AnswersEachInOrder()
    {
        using var input = new StringReader("{\"id\":\"a\",\"expr\":\"1\",\"bindings\":{}}\n{\"id\":\"b\",\"expr\":\"$x\",\"bindings\":{\"x\":true}}\n");
        using var output = new StringWriter();
        new JsonLinesServer().Run(input, output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["{\"id\":\"a\",\"result\":1}", "{\"id\":\"b\",\"result\":true}"], lines);
    }
}
