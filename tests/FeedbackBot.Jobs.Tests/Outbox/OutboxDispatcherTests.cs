using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Outbox;
using FeedbackBot.Testing;

namespace FeedbackBot.Jobs.Tests.Outbox;

public sealed class OutboxDispatcherTests
{
    private static readonly DateTime Start = ManualClock.DefaultStart.UtcDateTime;

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task RunOnceAsync_DueMessages_EachDeliveredOnceAndMarkedSent(DatabaseProvider provider)
    {
        await using var rig = await OutboxRig.CreateAsync(provider);
        var clock = new ManualClock();
        var queued = await rig.QueueAsync(20, Start);
        var transport = new RecordingTransport();

        await rig.Instance(transport, clock).Dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(queued.Select(m => m.PersonId!.Value).Order(), transport.Log.Recipients.Order());
        var row = await rig.RowAsync(queued[0].Id);
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal(Start, row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.ClaimedUntil);
        Assert.Equal(new Dictionary<OutboxState, int> { [OutboxState.Sent] = 20 }, await rig.CountByStateAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task RunOnceAsync_TwoInstancesOnOneDatabase_EveryMessageDeliveredExactlyOnce(DatabaseProvider provider)
    {
        await using var rig = await OutboxRig.CreateAsync(provider);
        var queued = await rig.QueueAsync(120, DateTime.UtcNow.AddMinutes(-1));
        var log = new DeliveryLog();
        var slow = new Func<OutboxMessage, CancellationToken, Task<OutboxSendResult>>(async (_, ct) =>
        {
            await Task.Delay(2, ct);
            return OutboxSendResult.Sent;
        });
        var first = rig.Instance(new RecordingTransport(log) { Behaviour = slow });
        var second = rig.Instance(new RecordingTransport(log) { Behaviour = slow });

        await Task.WhenAll(
            Task.Run(() => first.Dispatcher.RunOnceAsync(CancellationToken.None)),
            Task.Run(() => second.Dispatcher.RunOnceAsync(CancellationToken.None)));

        Assert.Equal(120, log.Recipients.Count);
        Assert.Equal(queued.Select(m => m.PersonId!.Value).Order(), log.Recipients.Order());
    }

    [Fact]
    public async Task RunOnceAsync_MessageNotYetDue_NotSentUntilItsTime()
    {
        await using var rig = await OutboxRig.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new ManualClock();
        var later = await rig.QueueAsync(1, Start.AddMinutes(5));
        var transport = new RecordingTransport();
        var dispatcher = rig.Instance(transport, clock).Dispatcher;

        await dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Empty(transport.Log.Recipients);

        clock.Advance(TimeSpan.FromMinutes(5));
        await dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal([later[0].PersonId!.Value], transport.Log.Recipients);
    }

    [Theory]
    [InlineData(OutboxState.Sent)]
    [InlineData(OutboxState.Unreachable)]
    [InlineData(OutboxState.Failed)]
    [InlineData(OutboxState.Uncertain)]
    public async Task RunOnceAsync_MessageNoLongerPending_NeverSentAgain(OutboxState state)
    {
        await using var rig = await OutboxRig.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new ManualClock();
        var done = await rig.QueueAsync(3, Start.AddMinutes(-10), state);
        var transport = new RecordingTransport();

        await rig.Instance(transport, clock).Dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, transport.Calls);
        Assert.Equal(state, (await rig.RowAsync(done[0].Id)).State);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task RunOnceAsync_MessageClaimedByAnotherInstance_LeftToIt(DatabaseProvider provider)
    {
        await using var rig = await OutboxRig.CreateAsync(provider);
        var clock = new ManualClock();
        var claimed = await rig.QueueAsync(1, Start.AddMinutes(-1), OutboxState.Sending, claimedUntil: Start.AddMinutes(10));
        var transport = new RecordingTransport();
        var dispatcher = rig.Instance(transport, clock).Dispatcher;

        await dispatcher.RunOnceAsync(CancellationToken.None);
        var expired = await dispatcher.ExpireClaimsAsync(CancellationToken.None);

        Assert.Equal(0, transport.Calls);
        Assert.Equal(0, expired);
        Assert.Equal(OutboxState.Sending, (await rig.RowAsync(claimed[0].Id)).State);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ExpireClaimsAsync_TransmittingWithExpiredClaim_MarkedUncertainAndNeverResent(DatabaseProvider provider)
    {
        await using var rig = await OutboxRig.CreateAsync(provider);
        var clock = new ManualClock();
        var stuck = await rig.QueueAsync(2, Start.AddMinutes(-30), OutboxState.Transmitting, claimedUntil: Start.AddMinutes(-1));
        var transport = new RecordingTransport();
        var dispatcher = rig.Instance(transport, clock).Dispatcher;

        var expired = await dispatcher.ExpireClaimsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(1));
        await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, expired);
        Assert.Equal(0, transport.Calls);
        var row = await rig.RowAsync(stuck[0].Id);
        Assert.Equal(OutboxState.Uncertain, row.State);
        Assert.Contains("not sent again", row.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ExpireClaimsAsync_ClaimedButNotYetTransmittingWithExpiredClaim_PutBackAndSentOnce(DatabaseProvider provider)
    {
        await using var rig = await OutboxRig.CreateAsync(provider);
        var clock = new ManualClock();
        // Claimed by a dispatcher that died while these waited for the platform's pace: nothing went out.
        var waiting = await rig.QueueAsync(2, Start.AddMinutes(-30), OutboxState.Sending, claimedUntil: Start.AddMinutes(-1));
        var transport = new RecordingTransport();
        var dispatcher = rig.Instance(transport, clock).Dispatcher;

        var expired = await dispatcher.ExpireClaimsAsync(CancellationToken.None);
        await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, expired);
        Assert.Equal(2, transport.Calls);
        Assert.Equal(waiting.Select(m => m.PersonId!.Value).Order(), transport.Log.Recipients.Order());
        Assert.Equal(new Dictionary<OutboxState, int> { [OutboxState.Sent] = 2 }, await rig.CountByStateAsync());
    }

    [Fact]
    public async Task StartAsync_TransmittingLeftByACrashedInstance_MarkedUncertainOnStart()
    {
        await using var rig = await OutboxRig.CreateAsync(DatabaseProvider.Sqlite);
        var stuck = await rig.QueueAsync(1, DateTime.UtcNow.AddMinutes(-30), OutboxState.Transmitting, claimedUntil: DateTime.UtcNow.AddMinutes(-1));
        var transport = new RecordingTransport();
        var dispatcher = rig.Instance(transport).Dispatcher;

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.ThatAsync(async () => (await rig.RowAsync(stuck[0].Id)).State == OutboxState.Uncertain, "the stuck row to be marked uncertain");
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(0, transport.Calls);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task RunOnceAsync_TransportThrows_BackToPendingWithBackoffThenSent(DatabaseProvider provider)
    {
        await using var rig = await OutboxRig.CreateAsync(provider);
        var clock = new ManualClock();
        var queued = await rig.QueueAsync(1, Start);
        var failures = 2;
        var transport = new RecordingTransport
        {
            Behaviour = (_, _) => Interlocked.Decrement(ref failures) >= 0
                ? throw new HttpRequestException("The Connector answered 503")
                : Task.FromResult(OutboxSendResult.Sent),
        };
        var dispatcher = rig.Instance(transport, clock).Dispatcher;

        await dispatcher.RunOnceAsync(CancellationToken.None);
        var afterFirst = await rig.RowAsync(queued[0].Id);
        clock.Advance(TimeSpan.FromSeconds(29));
        await dispatcher.RunOnceAsync(CancellationToken.None);
        var stillWaiting = await rig.RowAsync(queued[0].Id);
        clock.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.RunOnceAsync(CancellationToken.None);
        var afterSecond = await rig.RowAsync(queued[0].Id);
        clock.Advance(TimeSpan.FromSeconds(60));
        await dispatcher.RunOnceAsync(CancellationToken.None);
        var afterThird = await rig.RowAsync(queued[0].Id);

        Assert.Equal((OutboxState.Pending, 1, Start.AddSeconds(30)), (afterFirst.State, afterFirst.Attempts, afterFirst.NextAttemptAt));
        Assert.Equal("The Connector answered 503", afterFirst.LastError);
        Assert.Equal(1, stillWaiting.Attempts);
        Assert.Equal((OutboxState.Pending, 2, Start.AddSeconds(30 + 60)), (afterSecond.State, afterSecond.Attempts, afterSecond.NextAttemptAt));
        Assert.Equal((OutboxState.Sent, 3), (afterThird.State, afterThird.Attempts));
        Assert.Equal([queued[0].PersonId!.Value], transport.Log.Recipients);
    }

    [Fact]
    public async Task RunOnceAsync_FailsEveryAttempt_FailedAfterMaxAttempts()
    {
        await using var rig = await OutboxRig.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new ManualClock();
        var queued = await rig.QueueAsync(1, Start);
        var transport = new RecordingTransport { Behaviour = (_, _) => throw new InvalidOperationException("no token for this workspace") };
        var dispatcher = rig.Instance(transport, clock, new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "3" }).Dispatcher;

        for (var round = 0; round < 6; round++)
        {
            await dispatcher.RunOnceAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromHours(2));
        }

        var row = await rig.RowAsync(queued[0].Id);
        Assert.Equal(3, transport.Calls);
        Assert.Equal((OutboxState.Failed, 3), (row.State, row.Attempts));
        Assert.Equal("no token for this workspace", row.LastError);
    }

    [Theory]
    [InlineData(OutboxSendResult.NotNeeded, OutboxState.Failed, "Not needed")]
    [InlineData(OutboxSendResult.Unreachable, OutboxState.Unreachable, "cannot be reached")]
    public async Task RunOnceAsync_TransportSaysNotDelivered_RecordedAndNotRetried(OutboxSendResult result, OutboxState expected, string because)
    {
        await using var rig = await OutboxRig.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new ManualClock();
        var queued = await rig.QueueAsync(1, Start);
        var transport = new RecordingTransport { Behaviour = (_, _) => Task.FromResult(result) };
        var dispatcher = rig.Instance(transport, clock).Dispatcher;

        await dispatcher.RunOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(1));
        await dispatcher.RunOnceAsync(CancellationToken.None);

        var row = await rig.RowAsync(queued[0].Id);
        Assert.Equal(1, transport.Calls);
        Assert.Equal(expected, row.State);
        Assert.Null(row.SentAt);
        Assert.Contains(because, row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnceAsync_ManyDue_NeverMoreInFlightThanParallelism()
    {
        await using var rig = await OutboxRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.QueueAsync(12, DateTime.UtcNow.AddMinutes(-1));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = new RecordingTransport();
        transport.Behaviour = async (_, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return OutboxSendResult.Sent;
        };
        var dispatcher = rig.Instance(transport, settings: new Dictionary<string, string?> { ["Outbox:Parallelism"] = "3" }).Dispatcher;

        var run = dispatcher.RunOnceAsync(CancellationToken.None);
        await Eventually.ThatAsync(() => transport.Calls == 3, "three sends to be under way");
        var states = await rig.CountByStateAsync();
        var claimedWhileBlocked = states.GetValueOrDefault(OutboxState.Sending) + states.GetValueOrDefault(OutboxState.Transmitting);
        release.SetResult();
        await run;

        Assert.Equal(3, claimedWhileBlocked);
        Assert.Equal(3, transport.MaxInFlight);
        Assert.Equal(12, transport.Log.Recipients.Distinct().Count());
    }

    [Fact]
    public async Task Notify_RunningDispatcher_SendsWithoutWaitingForThePoll()
    {
        await using var rig = await OutboxRig.CreateAsync(DatabaseProvider.Sqlite);
        var transport = new RecordingTransport();
        var clock = new ManualClock();
        var instance = rig.Instance(transport, clock, new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        await instance.Dispatcher.StartAsync(CancellationToken.None);
        try
        {
            // The sweep and the lease renewal start their waits first; a third timer is the poll's, so the dispatcher
            // has found nothing and is waiting. The clock is stopped, so that wait cannot end by itself: only the
            // signal can bring the message out.
            await clock.WaitForTimersAsync(3);
            var queued = await rig.QueueAsync(1, Start.AddSeconds(-1));
            instance.Signal.Notify();

            await Eventually.ThatAsync(() => transport.Log.Recipients.Count == 1, "the signalled message to be sent");
            Assert.Equal([queued[0].PersonId!.Value], transport.Log.Recipients);
        }
        finally
        {
            await instance.Dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task StopAfterKOfN_RestartedDispatcher_DeliversExactlyNDistinct(DatabaseProvider provider)
    {
        const int N = 60, K = 17;
        await using var rig = await OutboxRig.CreateAsync(provider);
        var queued = await rig.QueueAsync(N, DateTime.UtcNow.AddMinutes(-1));
        var log = new DeliveryLog();
        var stopping = new TaskCompletionSource<Task>(TaskCreationOptions.RunContinuationsAsynchronously);
        OutboxDispatcher? first = null;
        var firstTransport = new RecordingTransport(log)
        {
            Behaviour = async (_, _) =>
            {
                await Task.Yield();
                return OutboxSendResult.Sent;
            },
        };
        firstTransport.AfterDelivery = delivered =>
        {
            if (delivered == K)
            {
                // The host is told to stop right after the k-th send, while others are under way.
                stopping.TrySetResult(first!.StopAsync(CancellationToken.None));
            }
        };
        first = rig.Instance(firstTransport).Dispatcher;
        await first.StartAsync(CancellationToken.None);
        await await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var deliveredBeforeRestart = log.Recipients.Count;

        var second = rig.Instance(new RecordingTransport(log)).Dispatcher;
        await second.RunOnceAsync(CancellationToken.None);

        Assert.InRange(deliveredBeforeRestart, K, N - 1);
        Assert.Equal(N, log.Recipients.Count);
        Assert.Equal(queued.Select(m => m.PersonId!.Value).Order(), log.Recipients.Order());
        Assert.Equal(new Dictionary<OutboxState, int> { [OutboxState.Sent] = N }, await rig.CountByStateAsync());
    }

    [Fact]
    public async Task StopAsync_GraceRunsOutDuringASend_ThatMessageUncertainAndTheRestSentOnceByTheNext()
    {
        await using var rig = await OutboxRig.CreateAsync(DatabaseProvider.Sqlite);
        var queued = await rig.QueueAsync(10, DateTime.UtcNow.AddMinutes(-1));
        var log = new DeliveryLog();
        var hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstTransport = new RecordingTransport(log)
        {
            // The third message hangs (a Connector that never answers) until the send is cancelled.
            Behaviour = async (m, ct) =>
            {
                if (m.Id == queued[2].Id)
                {
                    hang.TrySetResult();
                    await Task.Delay(Timeout.Infinite, ct);
                }

                return OutboxSendResult.Sent;
            },
        };
        var first = rig.Instance(firstTransport, settings: new Dictionary<string, string?> { ["Outbox:Parallelism"] = "1" }).Dispatcher;
        await first.StartAsync(CancellationToken.None);
        await hang.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var graceOver = new CancellationTokenSource();
        await graceOver.CancelAsync();
        await first.StopAsync(graceOver.Token);
        await Eventually.ThatAsync(async () => (await rig.RowAsync(queued[2].Id)).State == OutboxState.Uncertain, "the third row to be marked uncertain");

        await rig.Instance(new RecordingTransport(log)).Dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(9, log.Recipients.Count);
        Assert.Equal(queued.Where(m => m.Id != queued[2].Id).Select(m => m.PersonId!.Value).Order(), log.Recipients.Order());
        Assert.Equal(new Dictionary<OutboxState, int> { [OutboxState.Sent] = 9, [OutboxState.Uncertain] = 1 }, await rig.CountByStateAsync());
    }
}
