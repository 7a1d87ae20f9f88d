using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Inbox;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Infrastructure.Inbox;

/// <summary>The inbox on both databases: a delivery is acted on once, and one whose worker died is taken over.</summary>
public sealed class InboundDeliveriesTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ClaimAsync_SameDeliveryManyTimesAtOnce_ExactlyOneClaims(DatabaseProvider provider)
    {
        await using var rig = await Rig.StartAsync(provider);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => rig.Inbox.ClaimAsync("slack", "Ev1", "{}", CancellationToken.None))));

        Assert.Single(claims, c => c.IsClaimed);
        Assert.All(claims.Where(c => !c.IsClaimed), c => Assert.Equal(InboxClaimOutcome.InProgress, c.Outcome));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ClaimAsync_AfterCompletion_SaysAlreadyProcessedAndDropsThePayload(DatabaseProvider provider)
    {
        await using var rig = await Rig.StartAsync(provider);
        var first = await rig.Inbox.ClaimAsync("teams", "conv|m1", "payload", CancellationToken.None);
        await rig.Inbox.CompleteAsync(first.EntryId, CancellationToken.None);

        var again = await rig.Inbox.ClaimAsync("teams", "conv|m1", "payload", CancellationToken.None);
        var other = await rig.Inbox.ClaimAsync("slack", "conv|m1", null, CancellationToken.None);

        Assert.Equal(InboxClaimOutcome.AlreadyProcessed, again.Outcome);
        Assert.True(other.IsClaimed);
        await using var db = rig.Database.CreateContext();
        Assert.Null((await db.Inbox.SingleAsync(e => e.Id == first.EntryId)).Payload);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ClaimAsync_WorkerDiedHoldingIt_AnotherTakesOverOnlyAfterTheClaimRunsOut(DatabaseProvider provider)
    {
        await using var rig = await Rig.StartAsync(provider);
        await rig.Inbox.ClaimAsync("slack", "Ev1", "{\"n\":1}", CancellationToken.None);

        var tooSoon = await rig.Inbox.ClaimAsync("slack", "Ev1", "{\"n\":1}", CancellationToken.None);
        Assert.Empty(await rig.Inbox.PendingAsync("slack", maxAttempts: 5, limit: 10, CancellationToken.None));
        rig.Clock.Advance(InboundDeliveries.ClaimLifetime + TimeSpan.FromSeconds(1));
        var pending = Assert.Single(await rig.Inbox.PendingAsync("slack", maxAttempts: 5, limit: 10, CancellationToken.None));
        var first = await rig.Inbox.ReclaimAsync(pending.Id, CancellationToken.None);
        var second = await rig.Inbox.ReclaimAsync(pending.Id, CancellationToken.None);

        Assert.Equal(InboxClaimOutcome.InProgress, tooSoon.Outcome);
        Assert.Equal("{\"n\":1}", pending.Payload);
        Assert.True(first);
        Assert.False(second);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ReleaseAsync_FailedWork_IsPendingAgainWithItsErrorUntilAttemptsRunOut(DatabaseProvider provider)
    {
        await using var rig = await Rig.StartAsync(provider);
        var claim = await rig.Inbox.ClaimAsync("slack", "Ev1", "{}", CancellationToken.None);

        await rig.Inbox.ReleaseAsync(claim.EntryId, "chat.postMessage failed: channel_not_found", CancellationToken.None);

        var pending = Assert.Single(await rig.Inbox.PendingAsync("slack", maxAttempts: 5, limit: 10, CancellationToken.None));
        Assert.Equal("chat.postMessage failed: channel_not_found", pending.LastError);
        Assert.Empty(await rig.Inbox.PendingAsync("slack", maxAttempts: 1, limit: 10, CancellationToken.None));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PruneAsync_ProcessedLongAgo_IsForgottenButRecentAndPendingStay(DatabaseProvider provider)
    {
        await using var rig = await Rig.StartAsync(provider);
        var old = await rig.Inbox.ClaimAsync("slack", "old", null, CancellationToken.None);
        await rig.Inbox.CompleteAsync(old.EntryId, CancellationToken.None);
        await rig.Inbox.ClaimAsync("slack", "unfinished", "{}", CancellationToken.None);
        rig.Clock.Advance(InboundDeliveries.Retention + TimeSpan.FromHours(1));
        var recent = await rig.Inbox.ClaimAsync("slack", "recent", null, CancellationToken.None);
        await rig.Inbox.CompleteAsync(recent.EntryId, CancellationToken.None);

        var pruned = await rig.Inbox.PruneAsync(CancellationToken.None);

        Assert.Equal(1, pruned);
        await using var db = rig.Database.CreateContext();
        Assert.Equal(["recent", "unfinished"], await db.Inbox.Select(e => e.DeliveryKey).OrderBy(k => k).ToListAsync());
    }

    private sealed class Rig : IAsyncDisposable
    {
        private Rig(TestDatabase database, ManualClock clock)
        {
            Database = database;
            Clock = clock;
            Inbox = new InboundDeliveries(new Contexts(database), clock);
        }

        public TestDatabase Database { get; }

        public ManualClock Clock { get; }

        public InboundDeliveries Inbox { get; }

        public static async Task<Rig> StartAsync(DatabaseProvider provider)
        {
            var database = await TestDatabase.CreateAsync(provider);
            await (await database.CreateMigratedContextAsync()).DisposeAsync();
            return new Rig(database, new ManualClock(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)));
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private sealed class Contexts(TestDatabase database) : IDbContextFactory<FeedbackDbContext>
    {
        public FeedbackDbContext CreateDbContext() => database.CreateContext();
    }
}
