using AslOnDurable.Runtime.Api.Activities;
using Microsoft.Extensions.Time.Testing;

namespace AslOnDurable.Runtime.Tests.Api.Activities;

public sealed class ActivityTaskQueueTests
{
    private const string Arn = "arn:aws:states:us-east-1:123456789012:activity:a";
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static Task<bool> Accept(ActivityTask task, CancellationToken cancellationToken) => Task.FromResult(true);

    [Fact]
    public async Task TakeAsync_NothingWithinPoll_Null()
    {
        ActivityTaskQueue queue = new(time);

        Task<ActivityTask?> poll = queue.TakeAsync(Arn, Poll, Accept, CancellationToken.None);
        Assert.False(poll.IsCompleted);
        time.Advance(Poll);

        Assert.Null(await poll);
    }

    [Fact]
    public async Task TakeAsync_TaskArrivesDuringPoll_ThatTask()
    {
        ActivityTaskQueue queue = new(time);
        Task<ActivityTask?> poll = queue.TakeAsync(Arn, Poll, Accept, CancellationToken.None);

        queue.Add(Arn, new ActivityTask("t1", "{}", null));

        Assert.Equal("t1", (await poll)!.TaskToken);
    }

    [Fact]
    public async Task TakeAsync_InOrderAndPerActivity()
    {
        ActivityTaskQueue queue = new(time);
        queue.Add(Arn, new ActivityTask("t1", "1", null));
        queue.Add(Arn + "-other", new ActivityTask("o1", "1", null));
        queue.Add(Arn, new ActivityTask("t2", "2", null));

        Assert.Equal("t1", (await queue.TakeAsync(Arn, Poll, Accept, CancellationToken.None))!.TaskToken);
        Assert.Equal("t2", (await queue.TakeAsync(Arn, Poll, Accept, CancellationToken.None))!.TaskToken);
        Assert.Equal("o1", (await queue.TakeAsync(Arn + "-other", Poll, Accept, CancellationToken.None))!.TaskToken);
    }

    [Fact]
    public async Task TakeAsync_PastDeadlineOrClosed_Skipped()
    {
        ActivityTaskQueue queue = new(time);
        queue.Add(Arn, new ActivityTask("expired", "{}", time.GetUtcNow().AddSeconds(5)));
        queue.Add(Arn, new ActivityTask("closed", "{}", null));
        queue.Add(Arn, new ActivityTask("open", "{}", time.GetUtcNow().AddSeconds(60)));
        time.Advance(TimeSpan.FromSeconds(5));

        ActivityTask? taken = await queue.TakeAsync(Arn, Poll, (t, _) => Task.FromResult(t.TaskToken != "closed"), CancellationToken.None);

        Assert.Equal("open", taken!.TaskToken);
    }

    [Fact]
    public async Task TakeAsync_ClaimThrows_TaskStaysForTheNextWorker()
    {
        ActivityTaskQueue queue = new(time);
        queue.Add(Arn, new ActivityTask("t1", "{}", null));

        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.TakeAsync(Arn, Poll, (_, _) => throw new InvalidOperationException("down"), CancellationToken.None));

        Assert.Equal("t1", (await queue.TakeAsync(Arn, Poll, Accept, CancellationToken.None))!.TaskToken);
    }

    [Fact]
    public async Task Remove_WaitingPoll_EndsEmpty()
    {
        ActivityTaskQueue queue = new(time);
        Task<ActivityTask?> poll = queue.TakeAsync(Arn, Poll, Accept, CancellationToken.None);

        queue.Remove(Arn);

        Assert.Null(await poll);
    }

    [Fact]
    public async Task TakeAsync_CallerCancels_Throws()
    {
        ActivityTaskQueue queue = new(time);
        using CancellationTokenSource cancel = new();
        Task<ActivityTask?> poll = queue.TakeAsync(Arn, Poll, Accept, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);
    }
}
