using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Tests.Api.Executions;

public sealed class HistoryPagesTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly ExecutionOutcome Succeeded = new("SUCCEEDED", Start.AddMinutes(1)) { Output = "{}" };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadAsync_ClosedHistory_PagesReadOnlyTheirRange(bool reverse)
    {
        CountingStore store = new(Events(25, closed: true));
        HistoryPages pages = new(store, "i", Succeeded);

        List<long> ids = await AllAsync(pages, reverse, 10);

        Assert.Equal(reverse ? Enumerable.Range(1, 25).Reverse().Select(i => (long)i) : Enumerable.Range(1, 25).Select(i => (long)i), ids);
        Assert.Equal(0, store.WholeReads);
        Assert.All(store.RangeSizes, size => Assert.True(size <= 11, $"read {size} events for a page of 10"));
    }

    [Theory]
    [InlineData(false, 10)]
    [InlineData(true, 10)]
    [InlineData(false, 5)]
    [InlineData(true, 5)]
    public async Task ReadAsync_ClosedWithoutClosingEvent_ClosingEventAddedOnce(bool reverse, int size)
    {
        CountingStore store = new(Events(10, closed: false));
        HistoryPages pages = new(store, "i", new ExecutionOutcome("ABORTED", Start.AddMinutes(1)) { Error = "E" });

        List<long> ids = await AllAsync(pages, reverse, size);

        Assert.Equal(11, ids.Count);
        Assert.Equal(11, reverse ? ids[0] : ids[^1]);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task ReadAsync_Running_NoClosingEventAndEmptyHistoryEmptyPage()
    {
        HistoryPages empty = new(new CountingStore([]), "i", ExecutionOutcome.Running);
        HistoryPages running = new(new CountingStore(Events(4, closed: false)), "i", ExecutionOutcome.Running);

        Assert.Empty(await AllAsync(empty, reverse: true, 10));
        Assert.Empty(await AllAsync(empty, reverse: false, 10));
        Assert.Equal([4L, 3, 2, 1], await AllAsync(running, reverse: true, 3));
    }

    private static async Task<List<long>> AllAsync(HistoryPages pages, bool reverse, int size)
    {
        List<long> ids = [];
        long? from = null;
        do
        {
            var (page, next) = await pages.ReadAsync(reverse, size, from, CancellationToken.None);
            Assert.True(page.Count <= size);
            ids.AddRange(page.Select(e => e.Id));
            from = next;
        }
        while (from is not null);

        return ids;
    }

    private static List<HistoryEvent> Events(int count, bool closed) =>
        [.. Enumerable.Range(1, count).Select(i => new HistoryEvent(
            i, i - 1, i == 1 ? "ExecutionStarted" : i == count && closed ? HistoryEventTypes.ExecutionSucceeded : "PassStateEntered",
            Start.AddSeconds(i), new JsonObject()))];

    /// <summary>A history store that counts whole reads and the size of each range read.</summary>
    private sealed class CountingStore(List<HistoryEvent> events) : IExecutionHistoryStore
    {
        public int WholeReads { get; private set; }

        public List<int> RangeSizes { get; } = [];

        public IHistorySink SinkFor(string instanceId) => throw new NotSupportedException();

        public Task<IReadOnlyList<HistoryEvent>> EventsAsync(string instanceId, CancellationToken cancellationToken)
        {
            WholeReads++;
            return Task.FromResult<IReadOnlyList<HistoryEvent>>(events);
        }

        public Task<IReadOnlyList<HistoryEvent>> RangeAsync(string instanceId, long fromId, long toId, int max, CancellationToken cancellationToken)
        {
            IReadOnlyList<HistoryEvent> range = [.. events.Where(e => e.Id >= fromId && e.Id <= toId).Take(max)];
            RangeSizes.Add(range.Count);
            return Task.FromResult(range);
        }

        public Task<long> LastIdAsync(string instanceId, CancellationToken cancellationToken) => Task.FromResult(events.Count == 0 ? 0L : events[^1].Id);
    }
}
