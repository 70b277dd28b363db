using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Integrations.DynamoDb;

namespace AslOnDurable.Runtime.Tests.Integrations.DynamoDb;

/// <summary>DynamoDB's expression language over typed attribute JSON: conditions, updates, projections and their errors.</summary>
public sealed class ExpressionParserTests
{
    private static readonly JsonObject Item = (JsonObject)JsonNode.Parse("""
        {"id":{"S":"a1"},"n":{"N":"10"},"name":{"S":"lamp"},"tags":{"SS":["x","y"]},"nums":{"NS":["1","2"]},
         "m":{"M":{"inner":{"N":"3"},"list":{"L":[{"S":"p"},{"S":"q"}]}}},"flag":{"BOOL":true}}
        """)!;

    private static ExpressionAttributes Attributes(string names = "{}", string values = "{}") =>
        new(new JsonObject { ["ExpressionAttributeNames"] = JsonNode.Parse(names), ["ExpressionAttributeValues"] = JsonNode.Parse(values) });

    private static bool Check(string expression, string values = "{}", string names = "{}") =>
        ExpressionParser.ParseCondition(expression, "ConditionExpression", Attributes(names, values)).IsMet(Item);

    [Theory]
    [InlineData("attribute_exists(id)", true)]
    [InlineData("attribute_not_exists(id)", false)]
    [InlineData("attribute_not_exists(missing)", true)]
    [InlineData("n = :ten", true)]
    [InlineData("n <> :ten", false)]
    [InlineData("missing <> :ten", true)]
    [InlineData("n > :nine AND n < :eleven", true)]
    [InlineData("n BETWEEN :nine AND :ten", true)]
    [InlineData("n IN (:nine, :eleven)", false)]
    [InlineData("NOT (n = :nine) OR n = :eleven", true)]
    [InlineData("begins_with(#nm, :la)", true)]
    [InlineData("contains(tags, :x)", true)]
    [InlineData("contains(nums, :two)", true)]
    [InlineData("m.inner = :three AND m.#l[1] = :q", true)]
    [InlineData("size(tags) = :two", true)]
    [InlineData("attribute_type(flag, :bool)", true)]
    [InlineData("n = :tenPointZero", true)]
    public void Condition_OnItem_AsDynamoDb(string expression, bool expected)
    {
        const string Values = """
            {":ten":{"N":"10"},":nine":{"N":"9"},":eleven":{"N":"11"},":la":{"S":"la"},":x":{"S":"x"},":two":{"N":"2"},
             ":three":{"N":"3"},":q":{"S":"q"},":bool":{"S":"BOOL"},":tenPointZero":{"N":"10.0"}}
            """;
        JsonObject values = (JsonObject)JsonNode.Parse(Values)!;
        JsonObject used = [];
        foreach (var (key, value) in values)
        {
            if (expression.Contains(key + " ", StringComparison.Ordinal) || expression.Contains(key + ")", StringComparison.Ordinal)
                || expression.Contains(key + ",", StringComparison.Ordinal) || expression.EndsWith(key, StringComparison.Ordinal))
            {
                used[key] = value!.DeepClone();
            }
        }

        string names = expression.Contains("#nm", StringComparison.Ordinal) ? """{"#nm":"name"}"""
            : expression.Contains("#l", StringComparison.Ordinal) ? """{"#l":"list"}""" : "{}";

        Assert.Equal(expected, Check(expression, used.ToJsonString(), names));
    }

    [Fact]
    public void Update_SetRemoveAddDelete_AppliedToTheItemBeforeTheUpdate()
    {
        ExpressionAttributes attributes = Attributes(values: """
            {":one":{"N":"1"},":z":{"SS":["z"]},":n1":{"NS":["1.0"]},":more":{"L":[{"S":"r"}]},":d":{"S":"dflt"}}
            """);
        var actions = ExpressionParser.ParseUpdate(
            "SET n = n + :one, m.list = list_append(m.list, :more), fresh = if_not_exists(fresh, :d) REMOVE flag ADD tags :z DELETE nums :n1", attributes);
        JsonObject item = (JsonObject)Item.DeepClone();

        foreach (Action<JsonObject> effect in actions.Select(a => a.Plan(Item)).ToArray())
        {
            effect(item);
        }

        Assert.Equal("""{"N":"11"}""", item["n"]!.ToJsonString());
        Assert.Equal("""{"L":[{"S":"p"},{"S":"q"},{"S":"r"}]}""", item["m"]!["M"]!["list"]!.ToJsonString());
        Assert.Equal("""{"S":"dflt"}""", item["fresh"]!.ToJsonString());
        Assert.Null(item["flag"]);
        Assert.Equal("""{"SS":["x","y","z"]}""", item["tags"]!.ToJsonString());
        Assert.Equal("""{"NS":["2"]}""", item["nums"]!.ToJsonString());
    }

    [Fact]
    public void Update_DeleteWithOtherSetType_ValidationError()
    {
        var actions = ExpressionParser.ParseUpdate("DELETE nums :x", Attributes(values: """{":x":{"SS":["x"]}}"""));

        DynamoDbRequestException e = Assert.Throws<DynamoDbRequestException>(() => actions[0].Plan(Item));

        Assert.Contains("operator: DELETE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_DeleteLastMembers_RemovesTheSet()
    {
        var actions = ExpressionParser.ParseUpdate("DELETE tags :all", Attributes(values: """{":all":{"SS":["x","y"]}}"""));
        JsonObject item = (JsonObject)Item.DeepClone();

        actions[0].Plan(Item)(item);

        Assert.Null(item["tags"]);
    }

    [Theory]
    [InlineData("SET a = :v, a = :v", "Two document paths overlap")]
    [InlineData("SET a = :v SET b = :v", "can only be used once")]
    [InlineData("SET a = ", "Syntax error")]
    [InlineData("SET status = :v", "reserved keyword; reserved keyword: status")]
    [InlineData("SET #missing = :v", "attribute name: #missing")]
    [InlineData("SET a = :missing", "attribute value: :missing")]
    [InlineData("SET a = nope(:v)", "Invalid function name")]
    public void Update_Invalid_ValidationMessageAsDynamoDb(string expression, string message)
    {
        DynamoDbRequestException e = Assert.Throws<DynamoDbRequestException>(
            () => ExpressionParser.ParseUpdate(expression, Attributes(values: """{":v":{"S":"x"}}""")));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAllUsed_UnusedValue_ValidationError()
    {
        ExpressionAttributes attributes = Attributes(values: """{":used":{"S":"a"},":unused":{"S":"b"}}""");
        ExpressionParser.ParseCondition("id = :used", "ConditionExpression", attributes);

        DynamoDbRequestException e = Assert.Throws<DynamoDbRequestException>(attributes.CheckAllUsed);

        Assert.Equal("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}", e.Message);
    }

    [Fact]
    public void Attributes_MalformedTypedValue_ValidationError()
    {
        DynamoDbRequestException e = Assert.Throws<DynamoDbRequestException>(() => Attributes(values: """{":v":{"N":"ten"}}"""));

        Assert.Contains("cannot be converted to a N value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Projection_NamesAndNestedPaths_Parsed()
    {
        var paths = ExpressionParser.ParseProjection("id, #n, m.list[1]", Attributes(names: """{"#n":"name"}"""));

        Assert.Equal(["id", "name", "m.list[1]"], paths.Select(p => p.ToString()));
    }
}
