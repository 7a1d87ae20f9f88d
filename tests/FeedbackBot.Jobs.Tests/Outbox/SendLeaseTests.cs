using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Jobs.Outbox;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Jobs.Tests.Outbox;

/// <summary>
/// One instance at a time sends for a tenant on PostgreSQL, so that each instance's own pacer holds for the tenant
/// across the cluster; a dead holder's tenant is taken over once its lease expires; SQLite takes no lease.
/// </summary>
public sealed class SendLeaseTests
{
    private static readonly DateTime Start = ManualClock.DefaultStart.UtcDateTime;
    private static readonly TimeSpan Lifetime = new OutboxOptions().SendLeaseLifetime;

    [Fact]
    public async Task RunOnceAsync_TwoInstancesTwoTenantsOnPostgres_NoTenantEverOverItsLimit()
    {
        const int Parallelism = 4;
        await using var rig = await OutboxRig.CreateAsync(DatabaseProvider.Postgres);
        var otherTenant = await AddTenantAsync(rig, "tenant-2");
        var queued = await rig.QueueAsync(150, DateTime.UtcNow.AddMinutes(-1));
        queued.AddRange(await QueueForAsync(rig, otherTenant, 150, DateTime.UtcNow.AddMinutes(-1)));
        // The tenant's limit is what one instance alone can reach: more in flight means two instances sent at once.
        var platform = new TenantPlatform(limitPerTenant: Parallelism);
        var log = new DeliveryLog();
        var first = rig.Instance(platform.Transport("first", log));
        var second = rig.Instance(platform.Transport("second", log));

        await Task.WhenAll(
            Task.Run(() => first.Dispatcher.RunOnceAsync(CancellationToken.None)),
            Task.Run(() => second.Dispatcher.RunOnceAsync(CancellationToken.None)));

        Assert.Equal(0, platform.OverLimit);
        Assert.Equal(1, platform.MostInstancesAtOnce);
        Assert.Equal(queued.Select(m => m.PersonId!.Value).Order(), log.Recipients.Order());
    }

    [Fact]
    public async Task RunOnceAsync_TenantBeingSentByAnotherInstance_LeftToThatInstance()
    {
        await using var rig = await OutboxRig.CreateAsync(DatabaseProvider.Postgres);
        var queued = await rig.QueueAsync(40, DateTime.UtcNow.AddMinutes(-1));
        var log = new DeliveryLog();
        var sending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var goOn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstTransport = new RecordingTransport(log)
        {
            // The first instance is in the middle of the tenant's fan-out while the second looks for work.
            Behaviour = async (_, ct) =>
            {
                sending.TrySetResult();
                await goOn.Task.WaitAsync(ct);
                return OutboxSendResult.Sent;
            },
        };
        var secondTransport = new RecordingTransport(log);
        var first = rig.Instance(firstTransport);
        var second = rig.Instance(secondTransport);

        var firstRun = Task.Run(() => first.Dispatcher.RunOnceAsync(CancellationToken.None));
        await sending.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var sentBySecond = await second.Dispatcher.RunOnceAsync(CancellationToken.None);
        goOn.SetResult();
        await firstRun;

        Assert.Equal(0, sentBySecond);
        Assert.Equal(0, secondTransport.Calls);
        Assert.Equal(queued.Select(m => m.PersonId!.Value).Order(), log.Recipients.Order());
        Assert.Equal(new Dictionary<OutboxState, int> { [OutboxState.Sent] = 40 }, await rig.CountByStateAsync());
    }

    [Fact]
    public async Task RunOnceAsync_HolderDiedMidFanOut_TakenOverAfterTheLeaseExpiresAndNothingSentTwice()
    {
        const int N = 30, K = 5;
        await using var rig = await OutboxRig.CreateAsync(DatabaseProvider.Postgres);
        var clock = new ManualClock();
        var queued = await rig.QueueAsync(N, Start);
        var log = new DeliveryLog();
        var hung = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var deadTransport = new RecordingTransport(log)
        {
            // After K deliveries the instance stops answering mid-send, as a process that died would: no outcome is
            // recorded, no lease renewed.
            Behaviour = async (m, ct) =>
            {
                if (log.Recipients.Count == K)
                {
                    hung.TrySetResult(m.Id);
                    await Task.Delay(Timeout.Infinite, ct);
                }

                return OutboxSendResult.Sent;
            },
        };
        var one = new Dictionary<string, string?> { ["Outbox:Parallelism"] = "1" };
        var dead = rig.Instance(deadTransport, clock, one);
        using var killDead = new CancellationTokenSource();
        var deadRun = Task.Run(() => dead.Dispatcher.RunOnceAsync(killDead.Token));
        var inFlight = await hung.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var successorTransport = new RecordingTransport(log);
        var successor = rig.Instance(successorTransport, clock);

        clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        var sentWhileLeased = await successor.Dispatcher.RunOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        var sentAfterExpiry = await successor.Dispatcher.RunOnceAsync(CancellationToken.None);
        clock.Advance(new OutboxOptions().ClaimLifetime);
        var uncertain = await successor.Dispatcher.ExpireClaimsAsync(CancellationToken.None);
        await killDead.CancelAsync();
        await deadRun;

        Assert.Equal(0, sentWhileLeased);
        Assert.Equal(N - K - 1, sentAfterExpiry);
        Assert.Equal(1, uncertain);
        Assert.Equal(OutboxState.Uncertain, (await rig.RowAsync(inFlight)).State);
        Assert.Equal(N - 1, log.Recipients.Count);
        Assert.Equal(queued.Where(m => m.Id != inFlight).Select(m => m.PersonId!.Value).Order(), log.Recipients.Order());
        Assert.Equal(new Dictionary<OutboxState, int> { [OutboxState.Sent] = N - 1, [OutboxState.Uncertain] = 1 }, await rig.CountByStateAsync());
    }

    [Fact]
    public async Task StartAsync_HolderBusyPastHalfItsLease_RenewsItSoNobodyTakesItOver()
    {
        await using var rig = await OutboxRig.CreateAsync(DatabaseProvider.Postgres);
        var clock = new ManualClock();
        await rig.QueueAsync(3, Start);
        var sending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holderTransport = new RecordingTransport
        {
            // One send waits out a long Retry-After: it is under way for more than the lease's lifetime.
            Behaviour = async (_, ct) =>
            {
                sending.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return OutboxSendResult.Sent;
            },
        };
        var holder = rig.Instance(holderTransport, clock, new Dictionary<string, string?> { ["Outbox:Parallelism"] = "1" });
        await holder.Dispatcher.StartAsync(CancellationToken.None);
        await sending.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var firstExpiry = await LeaseExpiryAsync(rig);

        // Two thirds of the lifetime on, with the send still under way: the dispatcher's periodic renewal (due since
        // a twelfth of the lifetime) finds less than half left and renews.
        clock.Advance(Lifetime * 2 / 3);
        await Eventually.ThatAsync(async () => await LeaseExpiryAsync(rig) > firstExpiry, "the holder to renew its lease");
        var renewed = await LeaseExpiryAsync(rig);

        // Past the first expiry: a successor would take over a lease that had not been renewed.
        clock.Advance(Lifetime / 2);
        var successorTransport = new RecordingTransport();
        await rig.Instance(successorTransport, clock).Dispatcher.RunOnceAsync(CancellationToken.None);
        using var graceOver = new CancellationTokenSource();
        await graceOver.CancelAsync();
        await holder.Dispatcher.StopAsync(graceOver.Token);

        Assert.Equal(Start + Lifetime, firstExpiry);
        Assert.Equal(Start + (Lifetime * 2 / 3) + Lifetime, renewed);
        Assert.Equal(0, successorTransport.Calls);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task RunOnceAsync_WhileSending_LeaseOnlyOnPostgresAndGivenBackAfter(DatabaseProvider provider)
    {
        await using var rig = await OutboxRig.CreateAsync(provider);
        await rig.QueueAsync(5, DateTime.UtcNow.AddMinutes(-1));
        var leasesSeen = new List<int>();
        var transport = new RecordingTransport
        {
            Behaviour = async (_, ct) =>
            {
                await using var db = rig.Database.CreateContext();
                var count = await db.SendLeases.CountAsync(ct);
                lock (leasesSeen)
                {
                    leasesSeen.Add(count);
                }

                return OutboxSendResult.Sent;
            },
        };

        await rig.Instance(transport).Dispatcher.RunOnceAsync(CancellationToken.None);

        await using var after = rig.Database.CreateContext();
        Assert.Equal(5, transport.Log.Recipients.Count);
        Assert.All(leasesSeen, count => Assert.Equal(provider == DatabaseProvider.Postgres ? 1 : 0, count));
        Assert.Equal(0, await after.SendLeases.CountAsync());
    }

    private static async Task<DateTime> LeaseExpiryAsync(OutboxRig rig)
    {
        await using var db = rig.Database.CreateContext();
        return await db.SendLeases.AsNoTracking().Select(l => l.ExpiresAt).SingleAsync();
    }

    private static async Task<Guid> AddTenantAsync(OutboxRig rig, string externalId)
    {
        await using var db = rig.Database.CreateContext();
        var tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Teams, ExternalId = externalId, Name = externalId, CreatedAt = DateTime.UtcNow };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant.Id;
    }

    private static async Task<List<OutboxMessage>> QueueForAsync(OutboxRig rig, Guid tenantId, int count, DateTime dueAt)
    {
        await using var db = rig.Database.CreateContext();
        var cycle = Guid.NewGuid();
        var messages = Enumerable.Range(0, count).Select(i =>
        {
            var person = Guid.NewGuid();
            return new OutboxMessage
            {
                Id = Guid.NewGuid(),
                TenantId = tenantId,
                Kind = OutboxKind.Invitation,
                DedupeKey = $"invite:{cycle}:{person}",
                PersonId = person,
                CycleId = cycle,
                State = OutboxState.Pending,
                NextAttemptAt = dueAt,
                CreatedAt = dueAt.AddTicks(i),
            };
        }).ToList();
        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync();
        return messages;
    }
}
