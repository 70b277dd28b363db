using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Tests.Durable;

public sealed class TaskFailuresTests
{
    // The durable host hands the reply's UTF-8 length as the bound of the output's size, so the engine measures only
    // outputs whose reply is over the quota: the bound must never be under what the quota counts, escapes included.
    [Theory]
    [InlineData("""{"i":1}""")]
    [InlineData("""["é","日本","😀","\u00e9"]""")]
    [InlineData("""{"q":"say \"hi\"","path":"C:\\x","nl":"a\nb","ctl":"\u0001","sep":"\u2028","html":"<b>&</b>'"}""")]
    [InlineData("""[1.50,-0,1e+21,null,true,{}]""")]
    [InlineData("\"plain\"")]
    public void ToOutcome_SucceededWithTheReplyLength_BoundIsAtLeastTheOutputsSize(string output)
    {
        var reply = DurableJson.Serialize(new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.Succeeded)
        {
            Output = JsonNode.Parse(output, documentOptions: JsonLimits.DocumentOptions),
        });

        var outcome = TaskFailures.ToOutcome(DurableJson.Deserialize<TaskActivityResult>(reply), Encoding.UTF8.GetByteCount(reply));

        Assert.Equal(Encoding.UTF8.GetByteCount(reply), outcome.ResultSizeBound);
        Assert.True(outcome.ResultSizeBound >= PayloadSizeGuard.Size(outcome.Result));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(output), outcome.Result));
    }

    [Fact]
    public void ToOutcome_WithoutABound_HasNone()
    {
        var outcome = TaskFailures.ToOutcome(new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.Succeeded) { Output = JsonValue.Create(1) });

        Assert.Null(outcome.ResultSizeBound);
    }
}
