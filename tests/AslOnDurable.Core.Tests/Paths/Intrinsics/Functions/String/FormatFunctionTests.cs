namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.String;

public class FormatFunctionTests
{
    [Theory]
    [InlineData("\"\"", "Formatting argument .")]
    [InlineData("\" \"", "Formatting argument  .")]
    [InlineData("\"HelloWorld\"", "Formatting argument HelloWorld.")]
    [InlineData("null", "Formatting argument null.")]
    [InlineData("1", "Formatting argument 1.")]
    [InlineData("1.1", "Formatting argument 1.1.")]
    [InlineData("1.50", "Formatting argument 1.5.")]
    [InlineData("1e2", "Formatting argument 100.0.")]
    [InlineData("[1.0, 2]", "Formatting argument [1.0, 2].")]
    [InlineData("true", "Formatting argument true.")]
    [InlineData("""{"Arg1":1,"Arg2":[]}""", "Formatting argument {Arg1=1, Arg2=[]}.")]
    [InlineData("""[1,"a",{"b":null},[true]]""", "Formatting argument [1, a, {b=null}, [true]].")]
    [InlineData("\"{\\\"Arg1\\\": 1}\"", "Formatting argument {\"Arg1\": 1}.")]
    public void Format_Value_RendersLikeAws(string value, string expected) =>
        Assert.Equal(expected, System.Text.Json.Nodes.JsonNode.Parse(IntrinsicAssert.Evaluate("States.Format('Formatting argument {}.', $.v)", $$"""{"v":{{value}}}"""))!.GetValue<string>());

    [Fact]
    public void Format_TwoPlaceholders_FillsInOrder() =>
        IntrinsicAssert.Returns("\"fst=a and snd=b.\"", "States.Format('fst={} and snd={}.', $.a, $.b)", """{"a":"a","b":"b"}""");

    [Fact]
    public void Format_EscapedBraces_AreLiteral() =>
        IntrinsicAssert.Returns("\"{x} {} it's \\\\ 1\"", @"States.Format('\{x\} \{\} it\'s \\ {}', 1)");

    [Fact]
    public void Format_TemplateFromPath_UsesPlaceholders() =>
        IntrinsicAssert.Returns("\"Hello, my name is Arnav.\"", "States.Format($.template, $.name)", """{"name":"Arnav","template":"Hello, my name is {}."}""");

    [Fact]
    public void Format_TemplateFromPathWithWrongCount_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.Format($.template)", """{"template":"a {} b"}""");

    [Fact]
    public void Format_TemplateFromPathNotAString_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.Format($.template)", """{"template":1}""");

    [Theory]
    [InlineData("States.Format('{} {}', 1)", "Invalid arguments in States.Format: the format string has 2 '{}' placeholders but 1 values to insert")]
    [InlineData("States.Format('{}')", "Invalid arguments in States.Format: the format string has 1 '{}' placeholders but 0 values to insert")]
    [InlineData("States.Format('no placeholder', 1)", "Invalid arguments in States.Format: the format string has 0 '{}' placeholders but 1 values to insert")]
    public void Format_PlaceholderCountMismatch_FailsWithRuntime(string call, string cause) =>
        Assert.Equal(cause, IntrinsicAssert.Fails(call).Cause);

    [Theory]
    [InlineData("States.Format(1)")]
    [InlineData("States.Format(null, 1)")]
    [InlineData("States.Format()")]
    public void Format_NoStringFormat_IsRejectedAtParse(string call) => IntrinsicAssert.Rejected(call);

    [Fact]
    public void Format_ContextObject_RendersObjectsLikeJavaMaps()
    {
        var env = new FakeEvaluationEnvironment
        {
            ContextObject = System.Text.Json.Nodes.JsonNode.Parse("""{"Execution":{"Name":"run"},"StateMachine":{"Id":"arn:sm","Name":"sm"}}"""),
        };
        IntrinsicAssert.Returns("\"n=run sm={Id=arn:sm, Name=sm}\"", "States.Format('n={} sm={}', $$.Execution.Name, $$.StateMachine)", "{}", env);
    }
}
