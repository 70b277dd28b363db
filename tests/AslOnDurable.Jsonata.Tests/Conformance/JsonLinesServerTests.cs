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

    [Theory]
    [InlineData("not json")]
    [InlineData("\u0001\u00ff\u0002garbage{")]
    [InlineData("[1,2]")]
    [InlineData("\"just a string\"")]
    public void Handle_UnreadableLine_AnswersErrorWithNullId(string line)
    {
        var reply = Reply(line);

        Assert.Null(reply["id"]);
        Assert.True(reply.AsObject().ContainsKey("id"));
        Assert.NotNull(reply["error"]!["message"]);
    }

    [Fact]
    public void Handle_NoExpr_AnswersErrorEchoingId()
    {
        var reply = Reply("""{"id":"x/1","data":{}}""");

        Assert.Equal("x/1", reply["id"]!.GetValue<string>());
        Assert.Contains("expr", reply["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Handle_ObjectId_AnswersErrorWithNullId()
    {
        var reply = Reply("""{"id":{"a":1},"expr":"1"}""");

        Assert.Null(reply["id"]);
        Assert.Contains("id", reply["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Handle_NullId_StaysNull()
    {
        var reply = Reply("""{"id":null,"expr":"1 + 1"}""");

        Assert.Null(reply["id"]);
        Assert.Equal(2, reply["result"]!.GetValue<int>());
    }

    [Fact]
    public void Handle_NumberId_IsEchoed()
    {
        var reply = Reply("""{"id":7,"expr":"1"}""");

        Assert.Equal(7, reply["id"]!.GetValue<int>());
    }

    [Fact]
    public void Handle_DataNestedDeeperThan64_IsEvaluated()
    {
        var data = new string('[', 100) + new string(']', 100);

        var reply = Reply("{\"id\":\"d\",\"expr\":\"$count($)\",\"data\":" + data + "}");

        Assert.Equal(1, reply["result"]!.GetValue<int>());
    }

    [Fact]
    public void Handle_DataDeeperThanLimit_AnswersError()
    {
        var data = new string('[', 1000) + new string(']', 1000);

        var reply = Reply("{\"id\":\"d\",\"expr\":\"$\",\"data\":" + data + "}");

        Assert.NotNull(reply["error"]);
    }

    [Fact]
    public void Run_BadLinesBetweenGoodOnes_AnswersEveryLineAndGoesOn()
    {
        using var input = new StringReader("{\"id\":\"a\",\"expr\":\"1\"}\nxx\n{\"id\":\"r\",\"expr\":\"( $f := function($x){ $f($x)+1 }; $f(1) )\"}\n{\"id\":\"b\",\"expr\":\"2\"}\n");
        using var output = new StringWriter();

        new JsonLinesServer().Run(input, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("U1001", JsonNode.Parse(lines[2])!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(2, JsonNode.Parse(lines[3])!["result"]!.GetValue<int>());
    }

    [Fact]
    public void Handle_RawLoneSurrogateInTheLine_AnswersErrorWithNullId()
    {
        // Regression (fuzzing, issue 14): an unescaped lone surrogate made the reader throw ArgumentException.
        var reply = Reply("{\"id\":\"x\",\"expr\":\"1\ud800\"}");

        Assert.Null(reply["id"]);
        Assert.Contains("not valid Unicode", reply["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Handle_EscapedLoneSurrogateInAPropertyName_AnswersErrorWithNullId()
    {
        // Regression (fuzzing, issue 14): looking up "id" read every name and threw InvalidOperationException.
        var reply = Reply("""{"id":"x","expr":"1","\ud83dx":1}""");

        Assert.Null(reply["id"]);
        Assert.Contains("lone UTF-16 surrogate", reply["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Handle_ResultTooDeepToWrite_AnswersOneValidErrorLine()
    {
        // Regression (fuzzing, issue 14): the transform puts the object into itself; writing the result failed with
        // U1003 after "result": was already written, and the answer line was not JSON.
        var line = new StringWriter();
        using (var input = new StringReader("""{"id":19,"expr":"{'a': 1} ~> |$|{'k': **}|","bindings":{}}"""))
        {
            new JsonLinesServer().Run(input, line);
        }

        var reply = JsonNode.Parse(line.ToString())!;

        Assert.Equal(19, reply["id"]!.GetValue<int>());
        Assert.Equal("U1003", reply["error"]!["code"]!.GetValue<string>());
        Assert.False(reply.AsObject().ContainsKey("result"));
    }
}
