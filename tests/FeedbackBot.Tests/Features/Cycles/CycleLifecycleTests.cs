using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Cycles;

/// <summary>The cycle's steps on both databases: open, remind, close, weekly summary, each idempotent.</summary>
public sealed class CycleLifecycleTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task OpenCycle_Everyone_InvitesAndQueuesEachReachablePersonOnceEvenWhenRunTwice(DatabaseProvider provider)
    {
        await using var rig = await CycleRig.StartAsync(provider, CycleRig.Plan(), ("north", 4), ("south", 3));
        var occurrence = rig.Clock.GetUtcNow();

        var first = await rig.WithLifecycleAsync(l => l.OpenCycleAsync(rig.PlanId, occurrence, CancellationToken.None));
        var again = await rig.WithLifecycleAsync(l => l.OpenCycleAsync(rig.PlanId, occurrence, CancellationToken.None));

        Assert.NotNull(first);
        Assert.Equal(first, again);
        Assert.Equal(occurrence.AddDays(5), first.ClosesAt);
        Assert.Equal(occurrence.AddDays(2), first.FirstReminderAt);
        await using var db = rig.Database.CreateContext();
        Assert.Equal(7, await db.Invitations.CountAsync());
        var outbox = await db.Outbox.ToListAsync();
        Assert.Equal(7, outbox.Count);
        Assert.All(outbox, m => Assert.Equal(OutboxKind.Invitation, m.Kind));
        Assert.Equal(7, outbox.Select(m => m.PersonId).Distinct().Count());
        Assert.NotNull((await db.ReviewCycles.SingleAsync()).SampleSeed);
    }

    [Fact]
    public async Task OpenCycle_StratifiedSample_DrawsTheSizeProportionallyAndReproducibly()
    {
        await using var rig = await CycleRig.StartAsync(DatabaseProvider.Sqlite, CycleRig.Plan(sample: "method: stratified\nby: team\nsize: 6"), ("north", 8), ("south", 4));

        await rig.WithLifecycleAsync(l => l.OpenCycleAsync(rig.PlanId, rig.Clock.GetUtcNow(), CancellationToken.None));

        await using var db = rig.Database.CreateContext();
        var invitedTeams = await (from i in db.Invitations join s in db.PersonSegments on i.PersonId equals s.PersonId select s.Value).ToListAsync();
        Assert.Equal(4, invitedTeams.Count(t => t == "north"));
        Assert.Equal(2, invitedTeams.Count(t => t == "south"));
    }

    [Fact]
    public async Task OpenCycle_NextOccurrenceWithinTheFatiguePeriod_InvitesNobodyTwice()
    {
        await using var rig = await CycleRig.StartAsync(DatabaseProvider.Sqlite, CycleRig.Plan(minDays: 10), ("north", 5));
        await rig.WithLifecycleAsync(l => l.OpenCycleAsync(rig.PlanId, rig.Clock.GetUtcNow(), CancellationToken.None));

        var week = await rig.WithLifecycleAsync(l => l.OpenCycleAsync(rig.PlanId, rig.Clock.GetUtcNow().AddDays(7), CancellationToken.None));
        var fortnight = await rig.WithLifecycleAsync(l => l.OpenCycleAsync(rig.PlanId, rig.Clock.GetUtcNow().AddDays(14), CancellationToken.None));

        await using var db = rig.Database.CreateContext();
        Assert.Equal(0, await db.Invitations.CountAsync(i => i.CycleId == week!.CycleId));
        Assert.Equal(5, await db.Invitations.CountAsync(i => i.CycleId == fortnight!.CycleId));
    }

    [Fact]
    public async Task OpenCycle_PausedPlan_OpensNothing()
    {
        await using var rig = await CycleRig.StartAsync(DatabaseProvider.Sqlite, CycleRig.Plan(), ("north", 5));
        await using (var db = rig.Database.CreateContext())
        {
            (await db.Plans.SingleAsync()).State = PlanState.Paused;
            await db.SaveChangesAsync();
        }

        var opened = await rig.WithLifecycleAsync(l => l.OpenCycleAsync(rig.PlanId, rig.Clock.GetUtcNow(), CancellationToken.None));

        Assert.Null(opened);
        await using var check = rig.Database.CreateContext();
        Assert.Equal(0, await check.ReviewCycles.CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Remind_TwoRoundsTwoDaysApart_OnlyThoseWhoHaveNotAnswered(DatabaseProvider provider)
    {
        await using var rig = await CycleRig.StartAsync(provider, CycleRig.Plan(), ("north", 5));
        var start = rig.Clock.GetUtcNow();
        var opened = (await rig.WithLifecycleAsync(l => l.OpenCycleAsync(rig.PlanId, start, CancellationToken.None)))!;
        await using (var db = rig.Database.CreateContext())
        {
            var answered = await db.Invitations.OrderBy(i => i.PersonId).FirstAsync();
            answered.State = InvitationState.Answered;
            await db.SaveChangesAsync();
        }

        var tooSoon = await rig.WithLifecycleAsync(l => l.RemindAsync(opened.CycleId, CancellationToken.None));
        rig.Clock.Advance(TimeSpan.FromDays(2));
        var second = await rig.WithLifecycleAsync(l => l.RemindAsync(opened.CycleId, CancellationToken.None));
        var repeated = await rig.WithLifecycleAsync(l => l.RemindAsync(opened.CycleId, CancellationToken.None));
        rig.Clock.Advance(TimeSpan.FromDays(2));
        var done = await rig.WithLifecycleAsync(l => l.RemindAsync(opened.CycleId, CancellationToken.None));

        Assert.Equal(start.AddDays(2), tooSoon);
        Assert.Equal(start.AddDays(4), second);
        Assert.Equal(second, repeated);
        Assert.Null(done);
        await using var check = rig.Database.CreateContext();
        var reminders = await check.Outbox.Where(m => m.Kind == OutboxKind.Reminder).ToListAsync();
        Assert.Equal(8, reminders.Count);
        Assert.Equal(4, reminders.Select(r => r.PersonId).Distinct().Count());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task CloseCycle_RunTwice_ReviewsOnceAndQueuesOnePostPerChannel(DatabaseProvider provider)
    {
        await using var rig = await CycleRig.StartAsync(provider, CycleRig.Plan(), ("north", 5));
        var opened = (await rig.WithLifecycleAsync(l => l.OpenCycleAsync(rig.PlanId, rig.Clock.GetUtcNow(), CancellationToken.None)))!;
        rig.Clock.Advance(TimeSpan.FromDays(5));

        await rig.WithLifecycleAsync(async l => { await l.CloseCycleAsync(opened.CycleId, CancellationToken.None); return 0; });
        await rig.WithLifecycleAsync(async l => { await l.CloseCycleAsync(opened.CycleId, CancellationToken.None); return 0; });

        await using var db = rig.Database.CreateContext();
        var review = await db.Reviews.SingleAsync();
        Assert.Equal(CycleState.Reviewed, (await db.ReviewCycles.SingleAsync()).State);
        var post = await db.Outbox.SingleAsync(m => m.Kind == OutboxKind.Review);
        Assert.Equal(review.Id, post.ReviewId);
        Assert.Equal(TenantChannel.Teams, post.TargetChannel);
        Assert.Equal("19:team-channel@thread.tacv2", post.TargetConversation);
    }

    [Fact]
    public async Task CloseCycle_PostToASlackChannelFromATeamsTenant_IsSkipped()
    {
        await using var rig = await CycleRig.StartAsync(DatabaseProvider.Sqlite, CycleRig.Plan(postTo: "- channel: slack\n    conversation: C0REVIEWS"), ("north", 5));
        var opened = (await rig.WithLifecycleAsync(l => l.OpenCycleAsync(rig.PlanId, rig.Clock.GetUtcNow(), CancellationToken.None)))!;

        await rig.WithLifecycleAsync(async l => { await l.CloseCycleAsync(opened.CycleId, CancellationToken.None); return 0; });

        await using var db = rig.Database.CreateContext();
        Assert.Equal(1, await db.Reviews.CountAsync());
        Assert.Equal(0, await db.Outbox.CountAsync(m => m.Kind == OutboxKind.Review));
    }

    [Fact]
    public async Task WeeklySummary_RunTwiceInOneWeek_QueuesOnePerPlanAndChannel()
    {
        await using var rig = await CycleRig.StartAsync(DatabaseProvider.Sqlite, CycleRig.Plan(), ("north", 5));
        var opened = (await rig.WithLifecycleAsync(l => l.OpenCycleAsync(rig.PlanId, rig.Clock.GetUtcNow(), CancellationToken.None)))!;
        await rig.WithLifecycleAsync(async l => { await l.CloseCycleAsync(opened.CycleId, CancellationToken.None); return 0; });

        await rig.WithLifecycleAsync(async l => { await l.PostWeeklySummariesAsync(rig.Clock.GetUtcNow(), CancellationToken.None); return 0; });
        await rig.WithLifecycleAsync(async l => { await l.PostWeeklySummariesAsync(rig.Clock.GetUtcNow().AddHours(1), CancellationToken.None); return 0; });

        await using var db = rig.Database.CreateContext();
        var weekly = await db.Outbox.SingleAsync(m => m.Kind == OutboxKind.WeeklySummary);
        Assert.Contains("Weekly summary: Team pulse", weekly.Body, StringComparison.Ordinal);
    }
}
