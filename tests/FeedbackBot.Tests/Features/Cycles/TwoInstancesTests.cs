using System.Globalization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.Cycles;

/// <summary>
/// Two complete bot hosts on one PostgreSQL, each with its Hangfire server and its outbox dispatcher, running one
/// plan on its own schedule: the cycle opens once, everyone is invited once, reminded once, and one review is posted.
/// Nothing is called by hand but the clock, which jumps over the waits (a cycle lasts five minutes at the least), and
/// at each jump both hosts start what is due, so every step runs twice over and must still happen once.
/// </summary>
public sealed class TwoInstancesTests
{
    private const int Staff = 6;
    private const string Channel = "19:team-channel@thread.tacv2";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoHostsOnOnePostgres_ScheduledCycle_OneCycleOneSetOfInvitationsAndRemindersOneReview()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var teams = await FakeTeams.StartAsync(database);
        var connector = teams.Connector;
        var clock = ManualClock.FollowingRealTime();
        var now = clock.GetUtcNow();
        // A whole minute well ahead, so neither host can reach it on its own before the test jumps to it.
        var opensAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(20);
        await ApplyPlanAsync(teams.Settings, opensAt);

        await using var first = teams.Host(clock);
        await using var second = teams.Host(clock);
        await first.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var planId = await CycleRig.SeedReachableStaffAsync(database, connector.ServiceUrl, now.UtcDateTime, Staff);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        var storage = first.Services.GetRequiredService<JobStorage>();
        await Eventually.ThatAsync(
            () => Task.FromResult(storage.GetMonitoringApi().Servers().Count == 2),
            "both hosts' Hangfire servers to have started on the one store",
            Bound);
        await Eventually.ThatAsync(
            () => Task.FromResult(PlanJob(storage)?.NextExecution == opensAt.UtcDateTime),
            "the plan's recurring job, due at " + opensAt.ToString("O", CultureInfo.InvariantCulture),
            Bound);
        IServiceProvider[] hosts = [first.Services, second.Services];

        DueJobs.JumpTo(clock, opensAt.AddSeconds(1), hosts);
        await WaitForDeliveriesAsync(teams, Staff);
        var invited = connector.Deliveries.Select(d => d.ConversationId).ToList();
        Assert.Equal(Enumerable.Range(1, Staff).Select(CycleRig.StaffConversation).Order(), invited.Order());

        // One person answers; the reminder goes to the other five, once each.
        var answered = await AnswerOneAsync(database);
        DueJobs.JumpTo(clock, opensAt.AddMinutes(2).AddSeconds(5), hosts);
        await WaitForDeliveriesAsync(teams, Staff + Staff - 1);
        var reminded = connector.Deliveries.Skip(Staff).Select(d => d.ConversationId).ToList();
        Assert.Equal(invited.Where(c => c != answered).Order(), reminded.Order());

        DueJobs.JumpTo(clock, opensAt.AddMinutes(5).AddSeconds(5), hosts);
        await WaitForDeliveriesAsync(teams, Staff + Staff - 1 + 1);
        Assert.Equal(Channel, connector.Deliveries[^1].ConversationId);
        Assert.Contains("/reviews/", connector.Deliveries[^1].Activity.ToJsonString(), StringComparison.Ordinal);

        await using var db = database.CreateContext();
        var cycle = Assert.Single(await db.ReviewCycles.ToListAsync());
        Assert.Equal(opensAt.UtcDateTime, cycle.StartsAt);
        Assert.Equal(CycleState.Reviewed, cycle.State);
        Assert.Equal(Staff, await db.Invitations.Where(i => i.CycleId == cycle.Id).Select(i => i.PersonId).Distinct().CountAsync());
        Assert.Equal(Staff, await db.Invitations.CountAsync());
        Assert.Single(await db.Reviews.ToListAsync());
        Assert.All(await db.Outbox.ToListAsync(), m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.Equal(Staff + Staff - 1 + 1, await db.Outbox.CountAsync());
    }

    private static Hangfire.Storage.RecurringJobDto? PlanJob(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).SingleOrDefault(j => j.Id == "pulse");
    }

    private static async Task ApplyPlanAsync(Dictionary<string, string?> settings, DateTimeOffset opensAt)
    {
        var plan = CycleRig.Plan(reminders: "count: 1\n  every: 2m")
            .Replace("cron: \"0 10 * * 1\"", $"cron: \"{opensAt.Minute} {opensAt.Hour} * * *\"", StringComparison.Ordinal)
            .Replace("time_zone: Europe/London", "time_zone: UTC", StringComparison.Ordinal)
            .Replace("cycle_days: 5", "cycle_length: 5m", StringComparison.Ordinal);
        await CycleRig.ApplyPlanAsync(settings, plan);
    }

    /// <summary>Marks one invitation answered and returns that person's conversation.</summary>
    private static async Task<string> AnswerOneAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var invitation = await db.Invitations.OrderBy(i => i.PersonId).FirstAsync();
        invitation.State = InvitationState.Answered;
        await db.SaveChangesAsync();
        return await db.ConversationReferences.Where(r => r.PersonId == invitation.PersonId).Select(r => r.ConversationId).SingleAsync();
    }

    /// <summary>
    /// Waits for exactly <paramref name="count"/> deliveries, until neither instance has a job or an outbox message
    /// left to send, so a second instance's duplicate would have arrived too.
    /// </summary>
    private static Task WaitForDeliveriesAsync(FakeTeams teams, int count) =>
        teams.WaitForDeliveriesAsync(count, within: Bound);
}
