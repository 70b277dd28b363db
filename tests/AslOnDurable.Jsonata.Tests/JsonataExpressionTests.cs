using System.Text.Json.Nodes;

namespace AslOnDurable.Jsonata.Tests;

public sealed class JsonataExpressionTests
{
    private const string Orders = """
        {"orders":[
          {"id":"a","total":10,"items":[{"sku":"x","qty":1},{"sku":"y","qty":2}]},
          {"id":"b","total":25,"items":[{"sku":"x","qty":3}]},
          {"id":"c","total":5,"items":[]}
        ]}
        """;

    [Theory]
    [InlineData("orders.id", """["a","b","c"]""")]
    [InlineData("orders[0].id", "\"a\"")]
    [InlineData("orders[-1].id", "\"c\"")]
    [InlineData("orders[total > 8].id", """["a","b"]""")]
    [InlineData("orders.items.sku", """["x","y","x"]""")]
    [InlineData("orders[1].items.sku", "\"x\"")]
    [InlineData("orders[1].items.sku[]", """["x"]""")]
    [InlineData("orders[id in ['a','c']].total", "[10,5]")]
    [InlineData("$sum(orders.total)", "40")]
    [InlineData("orders^(>total).id", """["b","a","c"]""")]
    [InlineData("orders{id: total}", """{"a":10,"b":25,"c":5}""")]
    [InlineData("orders.items{sku: $sum(qty)}", """{"x":4,"y":2}""")]
    [InlineData("**.qty", "[1,2,3]")]
    [InlineData("orders.*[0]", """["a","b","c"]""")]
    public void Evaluate_PathsOverOrders_ProduceExpectedJson(string expression, string expected)
    {
        Assert.Equal(expected, ExpressionRunner.Run(expression, Orders));
    }

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("10 % 4", "2")]
    [InlineData("-(5)", "-5")]
    [InlineData("'a' & 1 & true", "\"a1true\"")]
    [InlineData("1 = 1.0", "true")]
    [InlineData("[1,2] = [1,2]", "true")]
    [InlineData("'b' > 'a'", "true")]
    [InlineData("3 in [1,2,3]", "true")]
    [InlineData("true and false or true", "true")]
    [InlineData("[1..4]", "[1,2,3,4]")]
    [InlineData("[1, [2, 3], []]", "[1,[2,3],[]]")]
    [InlineData("1 > 2 ? 'yes' : 'no'", "\"no\"")]
    [InlineData("($x := 3; $y := $x * 2; $y)", "6")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("1e21", "1e+21")]
    public void Evaluate_Operators_FollowJsonataRules(string expression, string expected)
    {
        Assert.Equal(expected, ExpressionRunner.Run(expression));
    }

    [Theory]
    [InlineData("function($x){$x * 2}(4)", "8")]
    [InlineData("($add := function($a, $b){$a + $b}; $inc := $add(?, 1); $inc(41))", "42")]
    [InlineData("($f := function($n){$n <= 1 ? 1 : $n * $f($n - 1)}; $f(5))", "120")]
    [InlineData("[1,2,3] ~> $map(function($v){$v * $v}) ~> $sum()", "14")]
    [InlineData("($double := function($x){$x*2}; $inc := function($x){$x+1}; ($double ~> $inc)(5))", "11")]
    [InlineData("($loop := function($n, $acc){$n = 0 ? $acc : $loop($n - 1, $acc + 1)}; $loop(20000, 0))", "20000")]
    public void Evaluate_LambdasAndChains_Apply(string expression, string expected)
    {
        Assert.Equal(expected, ExpressionRunner.Run(expression));
    }

    [Fact]
    public void Evaluate_ParentOperator_ReachesEnclosingObject()
    {
        Assert.Equal("""["a","a","b"]""", ExpressionRunner.Run("orders.items.%.id", Orders));
    }

    [Fact]
    public void Evaluate_FocusAndIndexBindings_BuildTupleStream()
    {
        Assert.Equal("""["b","c"]""", ExpressionRunner.Run("orders#$i[$i > 0].id", Orders));
        Assert.Equal("""[{"id":"a"},{"id":"b"},{"id":"c"}]""", ExpressionRunner.Run("orders@$o.{'id': $o.id}", Orders));
    }

    [Fact]
    public void Evaluate_Transform_CopiesAndUpdates()
    {
        var result = ExpressionRunner.Run("""$ ~> |orders[id='a']|{'total': 99}, ['items']|""", Orders);
        var node = JsonNode.Parse(result)!;
        Assert.Equal(99, node["orders"]![0]!["total"]!.GetValue<int>());
        Assert.Null(node["orders"]![0]!["items"]);
        Assert.Equal(25, node["orders"]![1]!["total"]!.GetValue<int>());
    }

    [Fact]
    public void Evaluate_MissingField_IsUndefinedNotNull()
    {
        var result = JsonataExpression.Compile("nothing").Evaluate(JsonNode.Parse("""{"a":1}"""));
        Assert.True(result.IsUndefined);
        var nullResult = JsonataExpression.Compile("a").Evaluate(JsonNode.Parse("""{"a":null}"""));
        Assert.True(nullResult.IsDefined);
        Assert.Null(nullResult.Node);
    }

    [Fact]
    public void Evaluate_Bindings_AreVisibleAsVariables()
    {
        var bindings = new Dictionary<string, JsonNode?> { ["states"] = JsonNode.Parse("""{"input":{"n":4}}""") };
        var result = JsonataExpression.Compile("$states.input.n * 2").Evaluate(null, bindings);
        Assert.Equal("8", result.ToJsonString());
    }

    [Fact]
    public void Evaluate_BindingPairs_VisibleAsVariablesAndALaterPairRebinds()
    {
        var expression = JsonataExpression.Compile("[$states.input.n * $k, $k, $missing]");
        KeyValuePair<string, JsonataValue>[] pairs =
        [
            new("states", JsonataValue.Parse("""{"input":{"n":4}}""")),
            new("k", JsonataValue.FromNumber(2)),
            new("k", JsonataValue.FromNumber(3)),
        ];

        Assert.Equal("[12,3]", expression.Evaluate(JsonataValue.Undefined, null, pairs).ToJsonString());
        Assert.Equal("[8,2]", expression.Evaluate(JsonataValue.Undefined, JsonataEnvironment.Default, pairs.AsSpan(0, 2)).ToJsonString());
        Assert.True(JsonataExpression.Compile("$k").Evaluate(JsonataValue.Undefined, null, []).IsUndefined); // none kept from before
    }

    [Fact]
    public void Evaluate_AfterAnEvaluationWithBindings_TheNextDoesNotSeeThem()
    {
        var read = JsonataExpression.Compile("$y");
        Assert.Equal("5", read.Evaluate(JsonataValue.Undefined, new Dictionary<string, JsonataValue> { ["y"] = JsonataValue.Parse("5") }).ToJsonString());

        Assert.True(read.Evaluate(JsonataValue.Undefined).IsUndefined);
    }

    [Fact]
    public void Evaluate_FunctionFromAnEarlierEvaluation_KeepsTheBindingsItWasMadeWith()
    {
        var made = JsonataExpression.Compile("function($x){ $x + $y }")
            .Evaluate(JsonataValue.Undefined, new Dictionary<string, JsonataValue> { ["y"] = JsonataValue.Parse("1") });
        _ = JsonataExpression.Compile("$y * 2").Evaluate(JsonataValue.Undefined, new Dictionary<string, JsonataValue> { ["y"] = JsonataValue.Parse("100") });

        var called = JsonataExpression.Compile("$f(1)").Evaluate(JsonataValue.Undefined, new Dictionary<string, JsonataValue> { ["f"] = made });

        Assert.Equal("2", called.ToJsonString());
    }

    [Fact]
    public void Compile_SameExpression_CanBeEvaluatedConcurrently()
    {
        var expression = JsonataExpression.Compile("$sum(orders.items.qty)");
        var input = JsonataValue.Parse(Orders);
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = expression.Evaluate(input).ToJsonString());
        Assert.All(results, r => Assert.Equal("6", r));
    }

    [Theory]
    [InlineData("1 + 'a'", "T2002")]
    [InlineData("'a' + 1", "T2001")]
    [InlineData("1 < 'a'", "T2009")]
    [InlineData("$foo()", "T1006")]
    [InlineData("-'x'", "D1002")]
    [InlineData("[1..1e8]", "D2014")]
    [InlineData("{'a': 1, 'a': 2}", "D1009")]
    [InlineData("{1: 2}", "T1003")]
    public void Evaluate_TypeErrors_RaiseCodes(string expression, string code)
    {
        Assert.Equal(code, ExpressionRunner.Fails(expression).Code);
    }
}
