using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Tests.Evaluation;

public sealed class EvaluatorTests
{
    private const string Library = """
        {"loans":[{"isbn":"1","customer":"ann"},{"isbn":"2","customer":"bob"}],
         "books":[{"isbn":"1","title":"Dune"},{"isbn":"2","title":"Emma"}]}
        """;

    [Fact]
    public void Evaluate_FocusJoin_MatchesAcrossArrays()
    {
        var result = ExpressionRunner.Run("loans@$l.books@$b[$l.isbn = $b.isbn].{'who': $l.customer, 'what': $b.title}", Library);
        Assert.Equal("""[{"who":"ann","what":"Dune"},{"who":"bob","what":"Emma"}]""", result);
    }

    [Fact]
    public void Evaluate_GroupingOverTupleStream_ReducesBindings()
    {
        var result = ExpressionRunner.Run("loans@$l.books@$b[$l.isbn = $b.isbn]{$l.customer: $b.title}", Library);
        Assert.Equal("""{"ann":"Dune","bob":"Emma"}""", result);
    }

    private const string Chains = """
        {"o":{"items":[{"p":1,"t":[1,2]},{"p":2},{"q":3},5,[{"p":9}]],"one":[{"p":7}],"s":"x","n":null,
              "nested":[[1,2],[3]],"objs":[{"p":1},{"q":2},{"p":{"r":3}}]}}
        """;

    [Theory]
    [InlineData("o.items[0].p", "1")]
    [InlineData("o.items[1.7].p", "2")]
    [InlineData("o.items[-1]", """[{"p":9}]""")]
    [InlineData("o.items[-1].p", "9")]
    [InlineData("o.items[9].p", "undefined")]
    [InlineData("o.items[0].t[1]", "2")]
    [InlineData("o.s[0]", "\"x\"")]
    [InlineData("o.s[-1]", "\"x\"")]
    [InlineData("o.s[1]", "undefined")]
    [InlineData("o.n[0]", "null")]
    [InlineData("o.n.p", "undefined")]
    [InlineData("o.missing[0]", "undefined")]
    [InlineData("o.items.p", "[1,2,9]")]
    [InlineData("o.items.t", "[1,2]")]
    [InlineData("o.objs.p", """[1,{"r":3}]""")]
    [InlineData("o.one.p", "7")]
    [InlineData("o.one[0]", """{"p":7}""")]
    [InlineData("o.nested[0]", "[1,2]")]
    [InlineData("o.nested[1]", "[3]")]
    public void Evaluate_SimpleChainsWithIndexOrMapping_AgreeWithTheGeneralPath(string path, string expected)
    {
        // "(o)" as the first step is a block, which always takes the general path.
        var general = ExpressionRunner.Run("(o)" + path[1..], Chains);
        Assert.Equal(expected, ExpressionRunner.Run(path, Chains));
        Assert.Equal(general, ExpressionRunner.Run(path, Chains));
        Assert.Equal(general, ExpressionRunner.Run($"($v := o; $v{path[1..]})", Chains));
    }

    [Theory]
    [InlineData("{'b': o.s, 'a': o.missing, 'c': o.items[0].p}", """{"b":"x","c":1}""")]
    [InlineData("{'b': o.s, o.s: 1}", """{"b":"x","x":1}""")]
    [InlineData("{'k': o.objs.p}", """{"k":[1,{"r":3}]}""")]
    public void Evaluate_ObjectConstructors_KeepKeyOrderAndDropUndefinedValues(string expression, string expected)
    {
        Assert.Equal(expected, ExpressionRunner.Run(expression, Chains));
    }

    [Fact]
    public void Evaluate_LiteralKeysTwiceInAnObjectConstructor_RaisesD1009()
    {
        Assert.Equal("D1009", ExpressionRunner.Fails("{'a': 1, \"b\": 2, \"a\": 3}").Code);
    }

    [Theory]
    [InlineData("[1,2,3][$ > 1]", "[2,3]")]
    [InlineData("[1,2,3][[0,2]]", "[1,3]")]
    [InlineData("[[1,2],[3]][0]", "[1,2]")]
    [InlineData("[[1,2],[3]].$", "[1,2,3]")]
    [InlineData("[{'a':[1]}].a", "[1]")]
    [InlineData("[{'a':[1]}].a[]", "[1]")]
    [InlineData("{'a':1}.a[]", "[1]")]
    [InlineData("[]", "[]")]
    public void Evaluate_SequencesAndSingletons_FollowFlatteningRules(string expression, string expected)
    {
        Assert.Equal(expected, ExpressionRunner.Run(expression));
    }

    [Fact]
    public void Evaluate_SortWithMixedTypes_RaisesT2007()
    {
        Assert.Equal("T2007", ExpressionRunner.Fails("[{'k':1},{'k':'a'}]^(k)").Code);
    }

    [Fact]
    public void Evaluate_RegexMatchingEmptyStringRepeatedly_RaisesD1004()
    {
        Assert.Equal("D1004", ExpressionRunner.Fails("$match('abc', /x*/)").Code);
    }

    [Fact]
    public void Evaluate_ChainToNonFunction_RaisesT2006()
    {
        Assert.Equal("T2006", ExpressionRunner.Fails("1 ~> 2").Code);
    }

    [Fact]
    public void Evaluate_MissingDollarOnFunction_SuggestsVariable()
    {
        var error = ExpressionRunner.Fails("($f := function(){1}; f())");
        Assert.Equal("T1005", error.Code);
        Assert.Equal("f", error.Token);
    }

    [Fact]
    public void Evaluate_TailRecursion_DoesNotGrowTheStack()
    {
        var environment = new JsonataEnvironment { MaxDepth = 100 };
        Assert.Equal("true", ExpressionRunner.Run(
            "($even := function($n){$n = 0 ? true : $odd($n - 1)}; $odd := function($n){$n = 0 ? false : $even($n - 1)}; $even(5000))",
            null,
            environment));
    }

    [Fact]
    public void Evaluate_InputArray_IsTreatedAsOneValue()
    {
        Assert.Equal("3", ExpressionRunner.Run("$count($)", "[1,2,3]"));
        Assert.Equal("[1,2,3]", ExpressionRunner.Run("$", "[1,2,3]"));
    }

    [Fact]
    public void Evaluate_KeepArrayOverABoundArray_LeavesTheBoundValueUnchanged()
    {
        // A host binds the same value to many evaluations (Step Functions variables): `[]` flags a copy, not the array.
        var data = JsonataValue.Parse("""{"items":[{"a":1},{"a":2}],"one":[5]}""");
        var bindings = new Dictionary<string, JsonataValue> { ["x"] = data };

        var kept = JsonataExpression.Compile("$x.one[]").Evaluate(JsonataValue.Undefined, bindings);
        foreach (var text in new[] { "$x.items[]", "$x.items[a > 1][]", "$x.items.a[]" })
        {
            _ = JsonataExpression.Compile(text).Evaluate(JsonataValue.Undefined, bindings);
        }

        var obj = (JObject)data.Raw!;
        Assert.Equal("[5]", kept.ToJsonString());
        Assert.False(((JList)obj["items"]!).KeepSingleton);
        Assert.False(((JList)obj["one"]!).KeepSingleton);
        Assert.True(data.IsPlainJson);
    }
}
