using System.Text.Json;
using AslOnDurable.Runtime.Tests.Hosting;
using Newtonsoft.Json;

namespace AslOnDurable.Runtime.Tests.Executions;

/// <summary>
/// DurableTask.Core's client writes payload strings with Newtonsoft; Microsoft.DurableTask (shims, Functions client)
/// with System.Text.Json. Their escaping differs, the decoded text must not.
/// </summary>
public sealed class PayloadEncodingTests
{
    [Fact]
    public void NewtonsoftWritten_ReadBySystemTextJson_SameText() =>
        Assert.Equal(SelfHostScenarios.TrickyJson, System.Text.Json.JsonSerializer.Deserialize<string>(JsonConvert.SerializeObject(SelfHostScenarios.TrickyJson)));

    [Fact]
    public void SystemTextJsonWritten_ReadByNewtonsoft_SameText() =>
        Assert.Equal(SelfHostScenarios.TrickyJson, JsonConvert.DeserializeObject<string>(System.Text.Json.JsonSerializer.Serialize(SelfHostScenarios.TrickyJson)));

    [Fact]
    public void Escaping_Differs_SoCompareTextNotBytes() =>
        Assert.NotEqual(JsonConvert.SerializeObject(SelfHostScenarios.TrickyJson), System.Text.Json.JsonSerializer.Serialize(SelfHostScenarios.TrickyJson));
}
