using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Testing;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Tests.Engine.Executors;

public sealed class JsonataModeTests
{
    private static ExecutionResult Run(string definition, string input, FakeExecutionHost? host = null)
    {
        var plan = ExecutionPlan.Compile(DefinitionParser.Parse(definition).Definition!, new JsonataLibraryEvaluator());
        return new Interpreter(plan).RunAsync(new ExecutionRequest { Input = JsonNode.Parse(input) }, host ?? new FakeExecutionHost()).AsTask().GetAwaiter().GetResult();
    }

    [Fact]
    public void Execute_OutputsNestedStateAfterState_EachSeesItsOwnStateNameAndInput()
    {
        var result = Run("""
            {"QueryLanguage":"JSONata","StartAt":"A","States":{
              "A":{"Type":"Pass","Output":{"at":"{% $states.context.State.Name %}","prev":"{% $states.input %}"},"Next":"B"},
              "B":{"Type":"Pass","Output":{"at":"{% $states.context.State.Name %}","prev":"{% $states.input %}"},"Next":"C"},
              "C":{"Type":"Pass","Output":"{% $merge([$states.input, {'at': $states.context.State.Name}]) %}","End":true}}}
            """, """{"x":1}""");

        JsonAssert.Equal("""{"at":"C","prev":{"at":"A","prev":{"x":1}}}""", result.Output);
    }

    [Fact]
    public void Execute_VariableReassignedFromItself_LaterStatesSeeEachNewValue()
    {
        var result = Run("""
            {"QueryLanguage":"JSONata","StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"d":{"k":1,"list":[1]}},"Next":"B"},
              "B":{"Type":"Pass","Assign":{"d":"{% $merge([$d, {'k': $d.k + 1, 'list': [$d.list, $d.k + 1]}]) %}"},"Next":"C"},
              "C":{"Type":"Pass","Assign":{"d":"{% $merge([$d, {'k': $d.k + 1}]) %}"},"Output":{"seen":"{% $d %}"},"Next":"D"},
              "D":{"Type":"Pass","Output":{"before":"{% $states.input.seen %}","now":"{% $d %}"},"End":true}}}
            """, "{}");

        JsonAssert.Equal("""{"before":{"k":2,"list":[1,2]},"now":{"k":3,"list":[1,2]}}""", result.Output);
    }

    [Fact]
    public void Execute_TaskHandlerChangesItsArgumentsInPlace_StateInputStaysAsItWas()
    {
        var host = new FakeExecutionHost
        {
            Tasks = invocation =>
            {
                invocation.Input!.AsObject()["touched"] = true;
                return TaskOutcome.Success(invocation.Input);
            },
        };

        var result = Run("""
            {"QueryLanguage":"JSONata","StartAt":"A","States":{
              "A":{"Type":"Pass","Output":{"v":1},"Next":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","Output":{"input":"{% $states.input %}","result":"{% $states.result %}"},"End":true}}}
            """, "{}", host);

        JsonAssert.Equal("""{"input":{"v":1},"result":{"v":1,"touched":true}}""", result.Output);
    }

    [Fact]
    public void Execute_PassAssignAndOutput_UseStatesInputAndVariables()
    {
        var result = Run("""
            {"QueryLanguage":"JSONata","StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"n":"{% $states.input.n * 2 %}"},"Next":"B"},
              "B":{"Type":"Pass","Output":{"doubled":"{% $n %}","state":"{% $states.context.State.Name %}"},"End":true}}}
            """, """{"n":21}""");

        JsonAssert.Equal("""{"doubled":42,"state":"B"}""", result.Output);
    }

    [Fact]
    public void Execute_ChoiceCondition_PicksRuleAndItsOutput()
    {
        var result = Run("""
            {"QueryLanguage":"JSONata","StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.v > 1 %}","Output":{"big":true},"Next":"E"}],"Default":"E"},
              "E":{"Type":"Succeed"}}}
            """, """{"v":2}""");

        JsonAssert.Equal("""{"big":true}""", result.Output);
    }

    [Fact]
    public void Execute_MapItemsNotAnArray_FailsWithAwsCause()
    {
        var result = Run("""
            {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% 1 %}",
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, "{}");

        Assert.Equal(StatesErrorNames.QueryEvaluationError, result.Error!.Error);
        Assert.EndsWith("The JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_ContextReadInMapIterationsAndRetriedTasks_EqualsWhatJsonPathReadsFromTheContextObject()
    {
        const string Shape = """
            {"QueryLanguage":"LANG","StartAt":"M","States":{
              "M":{"Type":"Map",ITEMS,"ItemSelector":SELECTOR,
                "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",ARGUMENTS,
                  "Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":1,"MaxAttempts":2}],"End":true}}},"End":true}}}
            """;
        var jsonata = Shape.Replace("LANG", "JSONata").Replace("ITEMS", "\"Items\":\"{% $states.input.list %}\"")
            .Replace("SELECTOR", "{\"selected\":\"{% $states.context %}\"}").Replace("ARGUMENTS", "\"Arguments\":{\"task\":\"{% $states.context %}\",\"item\":\"{% $states.input %}\"}");
        var jsonPath = Shape.Replace("LANG", "JSONPath").Replace("ITEMS", "\"ItemsPath\":\"$.list\"")
            .Replace("SELECTOR", "{\"selected.$\":\"$$\"}").Replace("ARGUMENTS", "\"Parameters\":{\"task.$\":\"$$\",\"item.$\":\"$\"}");
        const string Input = """{"list":[{"sku":"a"},"b",[1,2]]}""";

        static (string Output, string[] Calls) RunFailingFirstAttempts(string definition)
        {
            var host = new FakeExecutionHost
            {
                Tasks = invocation => invocation.RetryCount == 0 ? TaskOutcome.Failure(new AslError("Boom", "first attempt")) : TaskOutcome.Success(invocation.Input),
            };
            var result = Run(definition, Input, host);
            Assert.Null(result.Error);
            return (result.Output!.ToJsonString(), [.. host.Invocations.Select(i => i.Input!.ToJsonString()).Order(StringComparer.Ordinal)]);
        }

        var (jsonataOutput, jsonataCalls) = RunFailingFirstAttempts(jsonata);
        var (jsonPathOutput, jsonPathCalls) = RunFailingFirstAttempts(jsonPath);

        Assert.Equal(6, jsonataCalls.Length);
        Assert.Contains("\"RetryCount\":1", jsonataOutput, StringComparison.Ordinal);
        Assert.Contains("\"Map\":{\"Item\":{\"Index\":2,\"Value\":[1,2]}}", jsonataOutput, StringComparison.Ordinal);
        Assert.Equal(jsonPathCalls, jsonataCalls);
        Assert.Equal(jsonPathOutput, jsonataOutput);
    }
}
