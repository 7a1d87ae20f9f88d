using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Slack;
using FeedbackBot.Testing.Teams;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.People;

/// <summary>The scheduled people sync in the running bot: its recurring job, run by Hangfire, reads both platforms.</summary>
public sealed class PeopleSyncJobTests
{
    [Fact]
    public async Task PeopleSyncJob_RunByHangfireInTheBot_SynchronisesTheTeamsAndSlackRosters()
    {
        await using var rig = await PeopleSyncRig.StartAsync(DatabaseProvider.Sqlite);
        rig.Connector.SetMembers(PeopleSyncRig.TeamId, new FakeTeamsMember("29:1ben", "Ben Okafor", "ben@contoso.example"));
        rig.Slack.AddUser(new FakeSlackUser("U0ANA", "ana", "Ana Lima", PeopleSyncRig.SlackTeam, Email: "ana@contoso.example"));
        rig.Settings["People:SyncSchedule"] = "30 4 * * 1-5";
        rig.Settings["Playground:Enabled"] = "false";
        var app = BotWebApplication.Build(["--urls=http://127.0.0.1:0"], new CliContext(TextWriter.Null, TextWriter.Null, rig.Settings));
        await using var _ = app;
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await app.StartAsync();

        using (var connection = app.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var job = connection.GetRecurringJobs([JobIds.PeopleSync]).Single();
            Assert.Equal(("30 4 * * 1-5", "UTC"), (job.Cron, job.TimeZoneId));
        }

        app.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(JobIds.PeopleSync);

        await Eventually.ThatAsync(
            async () => (await Roster.ReadAsync(rig.Database, PeopleSyncRig.SlackTeam)).Length + (await Roster.ReadAsync(rig.Database, PeopleSyncRig.TeamsTenant)).Length,
            count => count == 2,
            "both rosters synchronised");
        Assert.Equal(["ana@contoso.example/U0ANA|Ana Lima|Staff|slack|here|"], await Roster.ReadAsync(rig.Database, PeopleSyncRig.SlackTeam));
        Assert.Equal(["ben@contoso.example/29:1ben|Ben Okafor|Staff|teams|here|"], await Roster.ReadAsync(rig.Database, PeopleSyncRig.TeamsTenant));
    }
}
