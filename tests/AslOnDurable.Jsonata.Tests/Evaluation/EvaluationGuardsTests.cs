namespace AslOnDurable.Jsonata.Tests.Evaluation;

/// <summary>Hostile expressions end in a JSONata error, never a stack overflow or a runaway allocation.</summary>
public sealed class EvaluationGuardsTests
{
    private static JsonataException Fails(string expression, string? input = null) =>
        Assert.Throws<JsonataException>(() => JsonataExpression.Compile(expression).Evaluate(JsonataValue.Parse(input ?? "null")));

    [Fact]
    public void Evaluate_NonTailRecursion_FailsWithU1001()
    {
        var error = Fails("( $f := function($x){ $f($x) + 1 }; $f(1) )");

        Assert.Equal("U1001", error.Code);
        Assert.StartsWith("Stack overflow error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NonTailRecursionOnSmallStackThread_FailsWithU1001()
    {
        JsonataException? error = null;
        var thread = new Thread(() => error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("( $f := function($x){ 1 + $f($x) }; $f(1) )").Evaluate(JsonataValue.Undefined)), 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Equal("U1001", error!.Code);
    }

    [Fact]
    public void Evaluate_TailRecursionBuildingDeepValue_FailsWithU1003()
    {
        var expression = JsonataExpression.Compile("( $f := function($x, $n){ $n = 0 ? $x : $f({'a': $x}, $n - 1) }; $f(1, 100000) )");

        var error = Assert.Throws<JsonataException>(() => expression.Evaluate(JsonataValue.Undefined).ToJsonString());

        Assert.Equal("U1003", error.Code);
        Assert.Contains("512", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DeepValueWithinLimit_Succeeds()
    {
        var result = JsonataExpression.Compile("( $f := function($x, $n){ $n = 0 ? $x : $f({'a': $x}, $n - 1) }; $f(1, 500) )").Evaluate(JsonataValue.Undefined);

        Assert.StartsWith(string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1", result.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InputDeeperThanLimit_FailsWithU1003()
    {
        var deep = new System.Text.Json.Nodes.JsonArray();
        var top = deep;
        for (var i = 0; i < 600; i++)
        {
            var inner = new System.Text.Json.Nodes.JsonArray();
            deep.Add(inner);
            deep = inner;
        }

        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("$").Evaluate(top));

        Assert.Equal("U1003", error.Code);
    }

    [Theory]
    [InlineData("$pad('x', 1000000000)")]
    [InlineData("$pad('x', -1000000000, 'ab')")]
    [InlineData("$reduce([1..30], function($acc, $v){ $acc & $acc }, 'xxxxxxxxxx')")]
    [InlineData("$join([1..40000].($pad('', 1000, 'y')))")]
    public void Evaluate_StringOverSizeLimit_FailsWithD3142(string expression)
    {
        var error = Fails(expression);

        Assert.Equal("D3142", error.Code);
    }

    [Fact]
    public void Evaluate_PadWithinLimit_Pads()
    {
        var result = JsonataExpression.Compile("$length($pad('x', 100000))").Evaluate(JsonataValue.Undefined);

        Assert.Equal("100000", result.ToJsonString());
    }

    [Fact]
    public void Evaluate_CatastrophicRegex_FailsWithU1002NamingTheLimit()
    {
        var error = Fails("$match('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', /(a+)+$/)");

        Assert.Equal("U1002", error.Code);
        Assert.Contains("1 second", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("recursive", error.Message, StringComparison.Ordinal);
    }
}
