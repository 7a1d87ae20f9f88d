using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.Cycles;
using FeedbackBot.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.People;

/// <summary>
/// The acceptance: a stratified staff cycle after <c>import people</c> draws from every team in proportion.
/// The roster goes in through the command line, the plan's recurring job opens the cycle in the real host on
/// Hangfire, and the invitations reach a fake Teams Connector.
/// </summary>
public sealed class StratifiedRosterCycleTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task StratifiedCycle_AfterImportPeople_DrawsFromEveryTeamInProportion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var teams = await FakeTeams.StartAsync(database);
        var clock = new ManualClock(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour), TimeSpan.Zero));
        await CycleRig.ApplyPlanAsync(teams.Settings, CycleRig.Plan(sample: "method: stratified\nby: team\nsize: 10"));
        var app = teams.Host(clock);
        await using var _ = app;
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        // 31 colleagues have spoken to the bot; the roster puts 15 in phones, 9 in email and 6 in chat. Staff 31 was
        // on last month's roster and is not on this one: they left, and are never drawn.
        await CycleRig.SeedReachableStaffAsync(database, teams.Connector.ServiceUrl, clock.GetUtcNow().UtcDateTime, 31);
        using var folder = new TempFolder();
        var lastMonth = folder.Write("last-month.csv", "person,team\n" + string.Concat(Enumerable.Range(1, 31).Select(n => $"29:staff-{n},phones\n")));
        var roster = folder.Write("people.csv", "person,name,team,shift\n" + string.Concat(Enumerable.Range(1, 30).Select(n => $"29:staff-{n},Staff {n},{TeamOf(n)},early\n")));
        Assert.Equal(0, (await Import(teams, lastMonth)).ExitCode);
        var imported = await Import(teams, roster);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Equal($"imported 30 people into teams:{CycleRig.TenantExternalId} (0 added, 30 updated, 0 unchanged, 1 left, 0 skipped for errors)", imported.Out.Trim());

        await app.StartAsync();
        DueJobs.JumpTo(clock, PlanJobNextRun(app).AddSeconds(1), app.Services);
        // Ten, so the outbox's pace (ten sends in a fifth of a second per tenant) never waits on the stopped clock.
        await teams.WaitForDeliveriesAsync(10, within: TimeSpan.FromSeconds(30));

        // 10 of 30 in proportion: 5 of the 15 in phones, 3 of the 9 in email, 2 of the 6 in chat.
        await using var db = database.CreateContext();
        var invited = await (from i in db.Invitations
                             join s in db.PersonSegments on i.PersonId equals s.PersonId
                             where s.Name == "team"
                             select new { i.PersonId, s.Value }).ToListAsync();
        Assert.Equal([("chat", 2), ("email", 3), ("phones", 5)], invited.GroupBy(i => i.Value).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal));
        var left = await db.People.SingleAsync(p => p.ChannelUserId == "29:staff-31");
        Assert.NotNull(left.LeftAt);
        Assert.DoesNotContain(invited, i => i.PersonId == left.Id);
        Assert.Equal(10, teams.Connector.Deliveries.Select(d => d.ConversationId).Distinct().Count());
    }

    private static string TeamOf(int n) => n <= 15 ? "phones" : n <= 24 ? "email" : "chat";

    private static Task<CliRun> Import(FakeTeams teams, string file) =>
        CliRun.RunAsync(teams.Settings, "import", "people", file, "--tenant", "teams:" + CycleRig.TenantExternalId);

    private static DateTimeOffset PlanJobNextRun(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs(["pulse"]).Single();
        return new DateTimeOffset(DateTime.SpecifyKind(job.NextExecution!.Value, DateTimeKind.Utc));
    }
}
