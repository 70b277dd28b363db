using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AslOnDurable.Functions.Tests;

public sealed class TimerFunctionsTests
{
    [Fact]
    public async Task ScheduledStart_Fires_StartsPingNamedAfterScheduleSlot()
    {
        DurableClientMock client = new();
        FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero));
        TimerFunctions function = new(new ExecutionStarter(NullLogger<ExecutionStarter>.Instance), time, NullLogger<TimerFunctions>.Instance);

        await function.ScheduledStartAsync(new TimerInfo(), client.Mock.Object, CancellationToken.None);

        var start = Assert.Single(client.Starts);
        Assert.Equal(OrchestratorNames.Ping, start.Name);
        Assert.Equal("ScheduledStart-20260304T050607Z", start.InstanceId);
    }
}
