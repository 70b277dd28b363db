using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api.Registry.AzureStorage;

namespace AslOnDurable.Runtime.Tests.Api.Registry;

/// <summary>The JSON the Azure stores keep per record or event.</summary>
public sealed class ApiStoreJsonContextTests
{
    [Fact]
    public void HistoryEvent_AssignedVariablesDifferingOnlyInCase_ReadBackAsTwoVariables()
    {
        HistoryEvent written = new(4, 3, "PassStateExited", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            JsonNode.Parse("""{"name":"P","output":"{}","assignedVariables":{"a":"1","A":"2"},"assignedVariablesDetails":{"truncated":false}}""")!.AsObject());

        HistoryEvent read = JsonSerializer.Deserialize(JsonSerializer.Serialize(written, ApiStoreJsonContext.Default.HistoryEvent), ApiStoreJsonContext.Default.HistoryEvent)!;

        Assert.Equal("""{"a":"1","A":"2"}""", read.Details!["assignedVariables"]!.ToJsonString());
    }
}
