using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths.JsonPath;

namespace AslOnDurable.Core.Tests.Paths.JsonPath;

public class JsonPathExpressionTests
{
    private const string Store = """
        {
          "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553", "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord", "isbn": "0-395", "price": 22.99 }
            ],
            "bicycle": { "color": "red", "price": 19.95 }
          },
          "a b": 1,
          "items": [0, 1, 2, 3, 4]
        }
        """;

    private static readonly FakeEvaluationEnvironment Env = new FakeEvaluationEnvironment
    {
        ContextObject = JsonNode.Parse("""{"Execution":{"Input":{"x":1},"Name":"run-1"},"Map":{"Item":{"Value":{"id":7},"Index":2}}}"""),
    }.WithVariable("count", JsonValue.Create(3)).WithVariable("obj", JsonNode.Parse("""{"a":{"b":[10,20]}}"""));

    private static JsonNode? Eval(string path, string input = Store)
    {
        var expression = JsonPathExpression.Parse(path);
        Assert.True(expression.TryEvaluate(JsonNode.Parse(input), Env, out var result), path);
        return result;
    }

    private static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";

    [Theory]
    [InlineData("$", true)]
    [InlineData("$$", true)]
    [InlineData("$.a.b", true)]
    [InlineData("$['a b']", true)]
    [InlineData("$[\"a\"]", true)]
    [InlineData("$.a[0]", true)]
    [InlineData("$.a[-1]", true)]
    [InlineData("$var.a[0]", true)]
    [InlineData("$.a[*]", false)]
    [InlineData("$.*", false)]
    [InlineData("$.a[1:3]", false)]
    [InlineData("$.a[0,1]", false)]
    [InlineData("$['a','b']", false)]
    [InlineData("$..a", false)]
    [InlineData("$.a[?(@.x)]", false)]
    public void TryParse_ValidPath_ReportsDefiniteness(string path, bool definite)
    {
        Assert.True(JsonPathExpression.TryParse(path, out var expression, out var error), error);
        Assert.Equal(definite, expression.IsDefinite);
        Assert.Equal(path, expression.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("$.")]
    [InlineData("$..")]
    [InlineData("$.a.")]
    [InlineData("$[")]
    [InlineData("$['a'")]
    [InlineData("$['a]")]
    [InlineData("$[a]")]
    [InlineData("$[1:2:3]")]
    [InlineData("$[?(@.a ==)]")]
    [InlineData("$[?(@.a == 1]")]
    [InlineData("$.a b")]
    [InlineData("$.a.foo()")]
    [InlineData("$.a.length(1)")]
    [InlineData("$.a.length().b")]
    [InlineData("$.a.length()[0]")]
    [InlineData("$[99999999999]")]
    [InlineData("$1")]
    [InlineData("$[?(@.a =~ /(/)]")]
    public void TryParse_MalformedPath_ReturnsError(string path)
    {
        Assert.False(JsonPathExpression.TryParse(path, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Parse_MalformedPath_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => JsonPathExpression.Parse("$["));
    }

    [Theory]
    [InlineData("$.store.bicycle.color", "\"red\"")]
    [InlineData("$['store']['bicycle']['price']", "19.95")]
    [InlineData("$[\"store\"].bicycle[\"color\"]", "\"red\"")]
    [InlineData("$.store.book[0].author", "\"Nigel Rees\"")]
    [InlineData("$.store.book[-1].title", "\"The Lord\"")]
    [InlineData("$['a b']", "1")]
    [InlineData("$.items[4]", "4")]
    [InlineData("$.store.[\"bicycle\"].color", "\"red\"")]
    public void TryEvaluate_DefinitePath_ReturnsNode(string path, string expected)
    {
        Assert.Equal(expected, Json(Eval(path)));
    }

    [Fact]
    public void TryEvaluate_Root_ReturnsInputItself()
    {
        var input = JsonNode.Parse("""{"a":1}""");
        Assert.True(JsonPathExpression.Parse("$").TryEvaluate(input, Env, out var result));
        Assert.Same(input, result);
    }

    [Fact]
    public void TryEvaluate_DefinitePath_ReturnsAttachedNodeWithoutCopy()
    {
        var input = JsonNode.Parse("""{"a":{"b":[1]}}""")!;
        Assert.True(JsonPathExpression.Parse("$.a.b").TryEvaluate(input, Env, out var result));
        Assert.Same(input["a"]!["b"], result);
    }

    [Fact]
    public void TryEvaluate_NullValuedProperty_IsFoundAsNull()
    {
        Assert.True(JsonPathExpression.Parse("$.a").TryEvaluate(JsonNode.Parse("""{"a":null}"""), Env, out var result));
        Assert.Null(result);
    }

    [Theory]
    [InlineData("$.missing")]
    [InlineData("$.store.missing.deeper")]
    [InlineData("$.items[5]")]
    [InlineData("$.items[-6]")]
    [InlineData("$.store.bicycle.color.x")]
    [InlineData("$.store[0]")]
    [InlineData("$.items.a")]
    [InlineData("$undefinedVariable")]
    public void TryEvaluate_DefinitePathNotFound_ReturnsFalse(string path)
    {
        Assert.False(JsonPathExpression.Parse(path).TryEvaluate(JsonNode.Parse(Store), Env, out var result));
        Assert.Null(result);
    }

    [Theory]
    [InlineData("$.store.book[*].author", "[\"Nigel Rees\",\"Evelyn Waugh\",\"Herman Melville\",\"J. R. R. Tolkien\"]")]
    [InlineData("$.store.bicycle.*", "[\"red\",19.95]")]
    [InlineData("$.store.bicycle[*]", "[\"red\",19.95]")]
    [InlineData("$.items[1:3]", "[1,2]")]
    [InlineData("$.items[:2]", "[0,1]")]
    [InlineData("$.items[-1:]", "[4]")]
    [InlineData("$.items[-2:]", "[3,4]")]
    [InlineData("$.items[3:]", "[3,4]")]
    [InlineData("$.items[:-3]", "[0,1]")]
    [InlineData("$.items[2:99]", "[2,3,4]")]
    [InlineData("$.items[4:1]", "[]")]
    [InlineData("$.items[0,2,-1]", "[0,2,4]")]
    [InlineData("$.items[0,9]", "[0]")]
    [InlineData("$.store['bicycle','missing'].color", "[\"red\"]")]
    [InlineData("$.store.book[0:2]['title','price']", "[{\"title\":\"Sayings\",\"price\":8.95},{\"title\":\"Sword\",\"price\":12.99}]")]
    [InlineData("$..author", "[\"Nigel Rees\",\"Evelyn Waugh\",\"Herman Melville\",\"J. R. R. Tolkien\"]")]
    [InlineData("$.store..price", "[8.95,12.99,8.99,22.99,19.95]")]
    [InlineData("$..book[2].title", "[\"Moby Dick\"]")]
    [InlineData("$..book[-1:].title", "[\"The Lord\"]")]
    [InlineData("$.store.book[?(@.price < 10)].title", "[\"Sayings\",\"Moby Dick\"]")]
    [InlineData("$.store.book[?(@.price <= 8.99)].title", "[\"Sayings\",\"Moby Dick\"]")]
    [InlineData("$.store.book[?(@.price > 20)].title", "[\"The Lord\"]")]
    [InlineData("$.store.book[?(@.price >= 22.99)].title", "[\"The Lord\"]")]
    [InlineData("$.store.book[?(@.isbn)].title", "[\"Moby Dick\",\"The Lord\"]")]
    [InlineData("$.store.book[?(!@.isbn)].title", "[\"Sayings\",\"Sword\"]")]
    [InlineData("$.store.book[?(@.category == 'fiction' && @.price > 10)].title", "[\"Sword\",\"The Lord\"]")]
    [InlineData("$.store.book[?(@.category == \"reference\" || @.price > 20)].title", "[\"Sayings\",\"The Lord\"]")]
    [InlineData("$.store.book[?(@.category != 'fiction')].title", "[\"Sayings\"]")]
    [InlineData("$.store.book[?(@.author =~ /.*melville/i)].title", "[\"Moby Dick\"]")]
    [InlineData("$.store.book[?(@.author =~ /Melville/)].title", "[]")]
    [InlineData("$.store.book[?(@.category in ['reference', 'poetry'])].title", "[\"Sayings\"]")]
    [InlineData("$.store.book[?(@.category nin ['fiction'])].title", "[\"Sayings\"]")]
    [InlineData("$.store.book[?(@.title size 5)].title", "[\"Sword\"]")]
    [InlineData("$.store.book[?(@.title contains 'Lord')].title", "[\"The Lord\"]")]
    [InlineData("$.store.book[?(@.price < $.store.bicycle.price)].title", "[\"Sayings\",\"Sword\",\"Moby Dick\"]")]
    [InlineData("$.store.book[?((@.price < 9) && (@.isbn))].title", "[\"Moby Dick\"]")]
    [InlineData("$.store.book[?(@.price == 8.95)].title", "[\"Sayings\"]")]
    [InlineData("$.store[?(@.bicycle)].bicycle.color", "[\"red\"]")]
    [InlineData("$.items[?(@ > 2)]", "[3,4]")]
    [InlineData("$.items[?(@ == $count)]", "[3]")]
    [InlineData("$.missing[*]", "[]")]
    [InlineData("$..[?(@.isbn)].title", "[\"Moby Dick\",\"The Lord\"]")]
    [InlineData("$..[?(@.color)].color", "[\"red\"]")]
    [InlineData("$.store.book[?(@.price > 100)]", "[]")]
    public void TryEvaluate_IndefinitePath_ReturnsArrayOfMatches(string path, string expected)
    {
        Assert.Equal(expected, Json(Eval(path)));
    }

    [Theory]
    [InlineData("$.objs[?(@ == {\"a\": 1, \"s\": \"a\"})].a", "[1]")]
    [InlineData("$.objs[?(@.a in [1, 3])].a", "[1,3]")]
    [InlineData("$.objs[?(@.tags contains 'x')].a", "[3]")]
    [InlineData("$.objs[?(@.tags empty true)].a", "[2]")]
    [InlineData("$.objs[?(@.tags size 2)].a", "[3]")]
    [InlineData("$.objs[?(@.a == '1')].a", "[1]")]
    [InlineData("$.objs[?(@.missing != 1)].a", "[1,2,3]")]
    [InlineData("$.objs[?(@.a < 'z')].a", "[]")]
    [InlineData("$.objs[?(@.s >= 'b')].s", "[\"b\",\"c\"]")]
    public void TryEvaluate_FilterOperators_FollowJayway(string path, string expected) =>
        Assert.Equal(expected, Json(Eval(path, """{"objs":[{"a":1,"s":"a"},{"a":2,"tags":[],"s":"b"},{"a":3,"tags":["x","y"],"s":"c"}]}""")));

    [Theory]
    [InlineData("$.items.length()", "5")]
    [InlineData("$.store.bicycle.length()", "2")]
    [InlineData("$.store.book.length()", "4")]
    [InlineData("$..book.length()", "[4]")]
    [InlineData("$.store.book[*].length()", "[4,4,5,5]")]
    [InlineData("$.items.sum()", "10.0")]
    [InlineData("$.items.avg()", "2.0")]
    [InlineData("$.items.min()", "0.0")]
    [InlineData("$.items.max()", "4.0")]
    [InlineData("$.items.stddev()", "1.4142135623730951")]
    [InlineData("$.store.book[*].price.length()", "[null,null,null,null]")]
    [InlineData("$.store.bicycle.keys()", "[\"color\",\"price\"]")]
    [InlineData("$.items.first()", "0")]
    [InlineData("$.store.bicycle['color','price']", "{\"color\":\"red\",\"price\":19.95}")]
    [InlineData("$.store.bicycle['price','nope']", "{\"price\":19.95}")]
    [InlineData("$.items.last()", "4")]
    [InlineData("$['a b'].length()", "null")]
    [InlineData("$.store.book[?(@.title.length() > 0)].title", "[]")]
    public void TryEvaluate_TrailingFunction_AppliesLikeJayway(string path, string expected) =>
        Assert.Equal(expected, Json(Eval(path)));

    [Theory]
    [InlineData("$.items.length()")]
    [InlineData("$.items[*].length()")]
    public void IsDefinite_PathWithFunction_IsNotAReferencePath(string path) =>
        Assert.False(JsonPathExpression.Parse(path).IsDefinite);

    [Fact]
    public void TryEvaluate_AggregateOfNoNumbers_IsNotFound() =>
        Assert.False(JsonPathExpression.Parse("$.a.sum()").TryEvaluate(JsonNode.Parse("""{"a":["x"]}"""), Env, out _));

    [Fact]
    public void TryEvaluate_IndefinitePath_ReturnsDetachedClones()
    {
        var input = JsonNode.Parse("""{"a":[{"x":1},{"x":2}]}""")!;
        Assert.True(JsonPathExpression.Parse("$.a[*]").TryEvaluate(input, Env, out var result));
        var array = Assert.IsType<JsonArray>(result);
        Assert.NotSame(input["a"]![0], array[0]);
        new JsonObject { ["y"] = array[0]!.DeepClone() }.ToJsonString();
        Assert.Equal("""{"x":1}""", array[0]!.ToJsonString());
    }

    [Theory]
    [InlineData("$$", """{"Execution":{"Input":{"x":1},"Name":"run-1"},"Map":{"Item":{"Value":{"id":7},"Index":2}}}""")]
    [InlineData("$$.Execution.Input", """{"x":1}""")]
    [InlineData("$$.Execution.Name", "\"run-1\"")]
    [InlineData("$$.Map.Item.Value.id", "7")]
    [InlineData("$$.Map.Item.Index", "2")]
    [InlineData("$count", "3")]
    [InlineData("$obj.a.b[1]", "20")]
    [InlineData("$obj['a'].b[0]", "10")]
    [InlineData("$obj..b[*]", "[10,20]")]
    public void TryEvaluate_ContextAndVariableRoots_ReadFromEnvironment(string path, string expected)
    {
        Assert.Equal(expected, Json(Eval(path, "{}")));
    }

    [Theory]
    [InlineData("$.NoSuchInputPath", "{}", "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']")]
    [InlineData("$.no.such.result.path", "{}", "Invalid path '$.no.such.result.path' : Missing property in path $['no']")]
    [InlineData("$.a.b", """{"a":{}}""", "Invalid path '$.a.b' : No results for path: $['a']['b']")]
    [InlineData("$.a[3]", """{"a":[1]}""", "Invalid path '$.a[3]' : No results for path: $['a'][3]")]
    public void Select_MissingDefinitePath_ThrowsStatesRuntimeWithJaywayCause(string path, string input, string cause)
    {
        var ex = Assert.Throws<AslErrorException>(() => JsonPathExpression.Parse(path).Select(JsonNode.Parse(input), Env));
        Assert.Equal(StatesErrorNames.Runtime, ex.Error.Error);
        Assert.Equal(cause, ex.Error.Cause);
    }

    [Fact]
    public void Select_PathThroughString_DescribesNonObject()
    {
        var ex = Assert.Throws<AslErrorException>(() => JsonPathExpression.Parse("$.a.b").Select(JsonNode.Parse("""{"a":"s"}"""), Env));
        Assert.StartsWith("Invalid path '$.a.b' : Expected to find an object with property ['b'] in path $['a'] but found 'java.lang.String'.", ex.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.a[0]", """{"a":null}""", "Invalid path '$.a[0]' : The path $['a'] is null")]
    [InlineData("$.a[0]", """{"a":{"b":1}}""", "Invalid path '$.a[0]' : Filter: [0] can only be applied to arrays. Current context is: {\"b\":1}")]
    [InlineData("$.a.b", """{"a":null}""", "Invalid path '$.a.b' : Expected to find an object with property ['b'] in path $['a'] but found 'null'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JacksonJsonProvider'.")]
    [InlineData("$v.x", "{}", "Invalid path '$v.x' : No results for path: $v")]
    public void Select_OtherMisses_UseJaywayWording(string path, string input, string cause)
    {
        var ex = Assert.Throws<AslErrorException>(() => JsonPathExpression.Parse(path).Select(JsonNode.Parse(input), Env));
        Assert.Equal(cause, ex.Error.Cause);
    }

    [Fact]
    public void Select_ExistingPath_ReturnsValue()
    {
        Assert.Equal("1", Json(JsonPathExpression.Parse("$.a").Select(JsonNode.Parse("""{"a":1}"""), Env)));
    }

    [Fact]
    public void TryEvaluate_BracketEscapes_OnlyTheQuoteIsUnescaped()
    {
        var input = new JsonObject { ["Test\\\"\"Name\""] = 1, ["it's"] = 2 };
        Assert.True(JsonPathExpression.Parse("$['Test\\\"\"Name\"']").TryEvaluate(input, Env, out var first));
        Assert.True(JsonPathExpression.Parse("$['it\\'s']").TryEvaluate(input, Env, out var second));
        Assert.Equal("1", Json(first));
        Assert.Equal("2", Json(second));
    }

    [Fact]
    public void NormalizedPath_MixedNotation_UsesBracketForm()
    {
        Assert.Equal("$['a'][0]['b c'][*]", JsonPathExpression.Parse("$.a[0]['b c'].*").NormalizedPath());
    }
}
