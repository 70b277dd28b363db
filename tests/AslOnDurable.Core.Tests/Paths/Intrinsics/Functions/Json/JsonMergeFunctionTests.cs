namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Json;

public class JsonMergeFunctionTests
{
    [Fact]
    public void JsonMerge_Shallow_SecondObjectWins() =>
        IntrinsicAssert.Returns(
            """{"a":{"a3":1,"a4":2},"b":2,"c":3,"d":4}""",
            "States.JsonMerge($.x, $.y, false)",
            """{"x":{"a":{"a1":1,"a2":2},"b":2,"d":3},"y":{"a":{"a3":1,"a4":2},"c":3,"d":4}}""");

    [Fact]
    public void JsonMerge_KeyOrder_FollowsJavaHashMapBuckets() =>
        IntrinsicAssert.Returns(
            """{"constant_input_field":"constant_value","constant_in_literal":"false"}""",
            "States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), $.input_field, false)",
            """{"input_field":{"constant_input_field":"constant_value"}}""");

    [Fact]
    public void JsonMerge_DeepTrue_FailsWithRuntime() =>
        Assert.Equal(
            "Invalid arguments in States.JsonMerge: deep merging is not supported: the third argument must be false",
            IntrinsicAssert.Fails("States.JsonMerge($.x, $.y, true)", """{"x":{},"y":{}}""").Cause);

    [Fact]
    public void JsonMerge_NonBooleanLiteral_IsRejectedAtParse() => IntrinsicAssert.Rejected("States.JsonMerge($.x, $.y, 'no')");

    [Fact]
    public void JsonMerge_DeepFromPath_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.JsonMerge($.x, $.y, $.deep)", """{"x":{},"y":{},"deep":true}""");

    [Fact]
    public void JsonMerge_NotAnObject_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.JsonMerge($.x, $.y, false)", """{"x":[],"y":{}}""");

    [Fact]
    public void JsonMerge_TwoArguments_IsRejectedAtParse() => IntrinsicAssert.Rejected("States.JsonMerge($.x, $.y)");
}
