using AslOnDurable.Runtime.Api.Registry;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AslOnDurable.Runtime.Tests.Api.Registry;

public sealed class RecentStateMachinesTests
{
    private const string Arn = "arn:aws:states:us-east-1:123456789012:stateMachine:m";
    private static readonly StateMachineRecord Machine = new(Arn, "m", "STANDARD", "{}", "arn:aws:iam::123456789012:role/R", DateTimeOffset.UnixEpoch);

    private readonly Mock<IStateMachineStore> store = new(MockBehavior.Strict);
    private readonly FakeTimeProvider time = new();
    private int reads;

    public RecentStateMachinesTests() =>
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string arn, CancellationToken _) => { reads++; return arn == Arn ? Machine : null; });

    [Fact]
    public async Task GetAsync_AgainWithinTheFreshness_ReadsTheRegistryOnce_ThenAgainAfterIt()
    {
        RecentStateMachines recent = new(store.Object, time);

        Assert.Same(Machine, await recent.GetAsync(Arn, CancellationToken.None));
        time.Advance(RecentStateMachines.Freshness - TimeSpan.FromMilliseconds(1));
        Assert.Same(Machine, await recent.GetAsync(Arn, CancellationToken.None));
        Assert.Equal(1, reads);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await recent.GetAsync(Arn, CancellationToken.None);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task Forget_TheNextGetReadsTheRegistry()
    {
        RecentStateMachines recent = new(store.Object, time);
        await recent.GetAsync(Arn, CancellationToken.None);

        recent.Forget(Arn);
        await recent.GetAsync(Arn, CancellationToken.None);

        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task GetAsync_Missing_IsNotKept()
    {
        RecentStateMachines recent = new(store.Object, time);

        Assert.Null(await recent.GetAsync(Arn + "-absent", CancellationToken.None));
        Assert.Null(await recent.GetAsync(Arn + "-absent", CancellationToken.None));

        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task GetAsync_ConcurrentStarts_ShareOneRead_AndAFailedReadIsNotKept()
    {
        TaskCompletionSource<StateMachineRecord?> pending = new();
        int slowReads = 0;
        Mock<IStateMachineStore> slow = new(MockBehavior.Strict);
        slow.SetupSequence(s => s.GetAsync(Arn, It.IsAny<CancellationToken>()))
            .Returns(() => { slowReads++; return pending.Task; })
            .Returns(() => { slowReads++; return Task.FromException<StateMachineRecord?>(new InvalidOperationException("storage down")); })
            .Returns(() => { slowReads++; return Task.FromResult<StateMachineRecord?>(Machine); });
        RecentStateMachines recent = new(slow.Object, time);

        Task<StateMachineRecord?> first = recent.GetAsync(Arn, CancellationToken.None);
        Task<StateMachineRecord?> second = recent.GetAsync(Arn, CancellationToken.None);
        pending.SetResult(Machine);

        Assert.Same(Machine, await first);
        Assert.Same(Machine, await second);
        Assert.Equal(1, slowReads);
        time.Advance(RecentStateMachines.Freshness);
        await Assert.ThrowsAsync<InvalidOperationException>(() => recent.GetAsync(Arn, CancellationToken.None));
        Assert.Same(Machine, await recent.GetAsync(Arn, CancellationToken.None));
        Assert.Equal(3, slowReads);
    }
}
