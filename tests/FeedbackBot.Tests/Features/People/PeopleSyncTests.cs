using FeedbackBot.Data;
using FeedbackBot.Features.People;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Slack;
using FeedbackBot.Testing.Teams;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.People;

/// <summary><c>feedbackbot people sync</c>: the rosters of Teams and Slack, read from the platforms' fakes on loopback.</summary>
public sealed class PeopleSyncTests
{
    private const string Teams = "teams:" + PeopleSyncRig.TeamsTenant;
    private const string Slack = "slack:" + PeopleSyncRig.SlackTeam;

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Sync_TeamsTeamOverSeveralPages_AddsEveryMemberButAnonymousGuests(DatabaseProvider provider)
    {
        await using var rig = await PeopleSyncRig.StartAsync(provider);
        rig.Connector.SetMembers(PeopleSyncRig.TeamId,
        [
            .. Enumerable.Range(1, 250).Select(n => new FakeTeamsMember($"29:1member-{n:D3}", $"Member {n}", $"member{n}@contoso.example")),
            new FakeTeamsMember("29:1upn-only", null, null, "Upn.Only@Contoso.example", GivenName: "Una", Surname: "Perez"),
            new FakeTeamsMember("29:1guest", "Visitor (Guest)", null, UserRole: "anonymous"),
        ]);

        var run = await rig.SyncAsync("--tenant", Teams);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"{Teams}: 251 people listed by 1 team (251 added, 0 linked by e-mail, 0 merged, 0 updated, 0 unchanged, 0 left)", run.Out.Trim());
        Assert.Equal(2, rig.Connector.Requests.Count(r => r.RawTarget.Contains("/pagedmembers?pageSize=200", StringComparison.Ordinal)));
        var roster = await Roster.ReadAsync(rig.Database, PeopleSyncRig.TeamsTenant);
        Assert.Equal(251, roster.Length);
        Assert.Contains("member7@contoso.example/29:1member-007|Member 7|Staff|teams|here|", roster);
        Assert.Contains("upn.only@contoso.example/29:1upn-only|Una Perez|Staff|teams|here|", roster);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Sync_SameListTwice_ChangesNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var rig = await PeopleSyncRig.StartAsync(provider);
        rig.Slack.AddUser(new FakeSlackUser("U0ANA", "ana", "Ana Lima", PeopleSyncRig.SlackTeam, Email: "ana@contoso.example", Title: "Team lead"));
        rig.Slack.AddUser(new FakeSlackUser("U0BEN", "ben", "Ben Okafor", PeopleSyncRig.SlackTeam, Email: "ben@contoso.example"));
        Assert.Equal(0, (await rig.SyncAsync("--tenant", Slack)).ExitCode);
        var before = await Roster.ReadAsync(rig.Database, PeopleSyncRig.SlackTeam);

        var again = await rig.SyncAsync("--tenant", Slack);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal($"{Slack}: 2 people listed by the workspace (0 added, 0 linked by e-mail, 0 merged, 0 updated, 2 unchanged, 0 left)", again.Out.Trim());
        Assert.Equal(
            [
                "ana@contoso.example/U0ANA|Ana Lima|Staff|slack|here|title=Team lead",
                "ben@contoso.example/U0BEN|Ben Okafor|Staff|slack|here|",
            ],
            before);
        Assert.Equal(before, await Roster.ReadAsync(rig.Database, PeopleSyncRig.SlackTeam));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Sync_RosterPeopleKnownByEmail_GetTheirSlackIdAndKeepWhatTheCsvSet(DatabaseProvider provider)
    {
        await using var rig = await PeopleSyncRig.StartAsync(provider);
        using var folder = new TempFolder();
        var imported = await CliRun.RunAsync(rig.Settings, "import", "people", "--tenant", Slack, folder.Write("people.csv", """
            person,name,team,title
            ana@contoso.example,Ana Lima,phones,Supervisor
            ben@contoso.example,Ben Okafor,email,
            """));
        Assert.True(imported.ExitCode == 0, imported.Error);
        rig.Slack.AddUser(new FakeSlackUser("U0ANA", "ana", "Ana L.", PeopleSyncRig.SlackTeam, Email: "ANA@contoso.example", Title: "Team lead"));
        rig.Slack.AddUser(new FakeSlackUser("U0BEN", "ben", "Benjamin Okafor", PeopleSyncRig.SlackTeam, Email: "ben@contoso.example", Title: "Adviser"));

        var run = await rig.SyncAsync("--tenant", Slack);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"{Slack}: 2 people listed by the workspace (0 added, 2 linked by e-mail, 0 merged, 0 updated, 0 unchanged, 0 left)", run.Out.Trim());
        // The CSV's names and its title stay; Slack's title fills in where the CSV gave none.
        Assert.Equal(
            [
                "ana@contoso.example/U0ANA|Ana Lima|Staff|csv|here|team=phones;title=Supervisor",
                "ben@contoso.example/U0BEN|Ben Okafor|Staff|csv|here|team=email;title=Adviser",
            ],
            await Roster.ReadAsync(rig.Database, PeopleSyncRig.SlackTeam));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Sync_ChatPersonAndRosterPersonAreOneSlackUser_MergesTheRosterIntoTheChatPerson(DatabaseProvider provider)
    {
        await using var rig = await PeopleSyncRig.StartAsync(provider);
        var chatPerson = await rig.AddChatPersonAsync(rig.SlackTenantId, "U0ANA", "ana");
        using var folder = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync(rig.Settings, "import", "people", "--tenant", Slack,
            folder.Write("people.csv", "person,name,team,role\nana@contoso.example,Ana Lima,phones,manager\n"))).ExitCode);
        rig.Slack.AddUser(new FakeSlackUser("U0ANA", "ana", "Ana L.", PeopleSyncRig.SlackTeam, Email: "ana@contoso.example"));

        var run = await rig.SyncAsync("--tenant", Slack);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"{Slack}: 1 people listed by the workspace (0 added, 0 linked by e-mail, 1 merged, 0 updated, 0 unchanged, 0 left)", run.Out.Trim());
        Assert.Equal(["ana@contoso.example/U0ANA|Ana Lima|Manager|csv|here|team=phones"], await Roster.ReadAsync(rig.Database, PeopleSyncRig.SlackTeam));
        await using var db = rig.Database.CreateContext();
        Assert.Equal(chatPerson, (await db.People.SingleAsync(p => p.TenantId == rig.SlackTenantId)).Id);
        Assert.Equal(chatPerson, (await db.ConversationReferences.SingleAsync(r => r.ConversationId == "D-U0ANA")).PersonId);

        // The merged person is the roster's now: the next roster import finds them by e-mail, adds no one.
        var reimported = await CliRun.RunAsync(rig.Settings, "import", "people", "--tenant", Slack,
            folder.Write("people.csv", "person,name,team,role\nana@contoso.example,Ana Lima,phones,manager\n"));
        Assert.Equal($"imported 1 people into {Slack} (0 added, 0 updated, 1 unchanged, 0 left, 0 skipped for errors)", reimported.Out.Trim());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Sync_UserGoneOrDeactivated_IsMarkedLeftAndKept_BotsAndChatOnlyPeopleAreLeftAlone(DatabaseProvider provider)
    {
        await using var rig = await PeopleSyncRig.StartAsync(provider);
        await rig.AddChatPersonAsync(rig.SlackTenantId, "U0CHAT", "Chat Only");
        rig.Slack.AddUser(new FakeSlackUser("U0ANA", "ana", "Ana Lima", PeopleSyncRig.SlackTeam, Email: "ana@contoso.example"));
        rig.Slack.AddUser(new FakeSlackUser("U0BEN", "ben", "Ben Okafor", PeopleSyncRig.SlackTeam, Email: "ben@contoso.example"));
        rig.Slack.AddUser(new FakeSlackUser("U0HELPER", "helper", "Helper", PeopleSyncRig.SlackTeam, IsBot: true));
        Assert.Equal(0, (await rig.SyncAsync("--tenant", Slack)).ExitCode);
        rig.Slack.AddUser(new FakeSlackUser("U0BEN", "ben", "Ben Okafor", PeopleSyncRig.SlackTeam, Deleted: true));

        var run = await rig.SyncAsync("--tenant", Slack);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"{Slack}: 1 people listed by the workspace (0 added, 0 linked by e-mail, 0 merged, 0 updated, 1 unchanged, 1 left)", run.Out.Trim());
        Assert.Equal(
            [
                "/U0CHAT|Chat Only|Staff||here|",
                "ana@contoso.example/U0ANA|Ana Lima|Staff|slack|here|",
                "ben@contoso.example/U0BEN|Ben Okafor|Staff|slack|left|",
            ],
            await Roster.ReadAsync(rig.Database, PeopleSyncRig.SlackTeam));

        // Reactivated, Ben is back.
        rig.Slack.AddUser(new FakeSlackUser("U0BEN", "ben", "Ben Okafor", PeopleSyncRig.SlackTeam, Email: "ben@contoso.example"));
        Assert.Equal(0, (await rig.SyncAsync("--tenant", Slack)).ExitCode);
        Assert.Contains("ben@contoso.example/U0BEN|Ben Okafor|Staff|slack|here|", await Roster.ReadAsync(rig.Database, PeopleSyncRig.SlackTeam));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Sync_SlackFailsOnTheSecondPage_ChangesNothingAndMarksNobodyLeft(DatabaseProvider provider)
    {
        await using var rig = await PeopleSyncRig.StartAsync(provider);
        foreach (var n in Enumerable.Range(1, 210))
        {
            rig.Slack.AddUser(new FakeSlackUser($"U0P{n:D3}", $"p{n}", $"Person {n}", PeopleSyncRig.SlackTeam, Email: $"p{n}@contoso.example"));
        }

        Assert.Equal(0, (await rig.SyncAsync("--tenant", Slack)).ExitCode);
        var before = await Roster.ReadAsync(rig.Database, PeopleSyncRig.SlackTeam);
        rig.Slack.AddUser(new FakeSlackUser("U0NEW", "new", "New Starter", PeopleSyncRig.SlackTeam));
        rig.Slack.AnswerNormallyNext("users.list", 1);
        rig.Slack.ServerErrorNext("users.list", 5, status: 500);

        var run = await rig.SyncWithoutRetryWaitsAsync(Slack);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{Slack}: not synchronised, nothing changed: users.list failed: http_500 (still failing after 5 attempts)", run.Error.Trim());
        Assert.Equal(before, await Roster.ReadAsync(rig.Database, PeopleSyncRig.SlackTeam));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Sync_TeamsFailsOnTheSecondPage_ChangesNothingAndMarksNobodyLeft(DatabaseProvider provider)
    {
        await using var rig = await PeopleSyncRig.StartAsync(provider);
        rig.Connector.SetMembers(PeopleSyncRig.TeamId, [.. Enumerable.Range(1, 230).Select(n => new FakeTeamsMember($"29:1m{n:D3}", $"Member {n}", null))]);
        Assert.Equal(0, (await rig.SyncAsync("--tenant", Teams)).ExitCode);
        rig.Connector.SetMembers(PeopleSyncRig.TeamId, [.. Enumerable.Range(2, 230).Select(n => new FakeTeamsMember($"29:1m{n:D3}", $"Member {n}", null))]);
        rig.Connector.EnqueueMembers(null, new ScriptedResponse(500, """{"error":{"code":"InternalServerError","message":"Something went wrong"}}"""));

        var run = await rig.SyncAsync("--tenant", Teams);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"{Teams}: not synchronised, nothing changed: The Connector refused the call: GET ", run.Error, StringComparison.Ordinal);
        var roster = await Roster.ReadAsync(rig.Database, PeopleSyncRig.TeamsTenant);
        Assert.Equal(230, roster.Length);
        Assert.All(roster, line => Assert.Contains("|here|", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_TeamsThrottles_WaitsAsToldAndCompletes()
    {
        await using var rig = await PeopleSyncRig.StartAsync(DatabaseProvider.Sqlite);
        rig.Connector.SetMembers(PeopleSyncRig.TeamId, new FakeTeamsMember("29:1ana", "Ana Lima", "ana@contoso.example"));
        rig.Connector.EnqueueMembers(new ScriptedResponse(429, """{"error":{"code":"Throttled"}}""", ("Retry-After", "0")));

        var run = await rig.SyncAsync("--tenant", Teams);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"{Teams}: 1 people listed by 1 team (1 added, 0 linked by e-mail, 0 merged, 0 updated, 0 unchanged, 0 left)", run.Out.Trim());
        Assert.Equal(2, rig.Connector.Requests.Count(r => r.RawTarget.Contains("/pagedmembers", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sync_ContinuationTokenThatRepeats_FailsRatherThanListingForever()
    {
        await using var rig = await PeopleSyncRig.StartAsync(DatabaseProvider.Sqlite);
        const string Page = """{"continuationToken":"same-page","members":[{"id":"29:1ana","name":"Ana Lima","userRole":"user"}]}""";
        rig.Connector.EnqueueMembers(new ScriptedResponse(200, Page), new ScriptedResponse(200, Page));

        var run = await rig.SyncAsync("--tenant", Teams);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("gave the same continuation token twice", run.Error, StringComparison.Ordinal);
        Assert.Empty(await Roster.ReadAsync(rig.Database, PeopleSyncRig.TeamsTenant));
    }

    [Fact]
    public async Task Sync_PlatformListsNobodyAfterListingPeople_ChangesNothing()
    {
        await using var rig = await PeopleSyncRig.StartAsync(DatabaseProvider.Sqlite);
        rig.Connector.SetMembers(PeopleSyncRig.TeamId, new FakeTeamsMember("29:1ana", "Ana Lima", "ana@contoso.example"));
        Assert.Equal(0, (await rig.SyncAsync("--tenant", Teams)).ExitCode);
        rig.Connector.SetMembers(PeopleSyncRig.TeamId);

        var run = await rig.SyncAsync("--tenant", Teams);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{Teams}: not synchronised, nothing changed: 1 team listed nobody; nothing was changed rather than mark everyone as left.", run.Error.Trim());
        Assert.Equal(["ana@contoso.example/29:1ana|Ana Lima|Staff|teams|here|"], await Roster.ReadAsync(rig.Database, PeopleSyncRig.TeamsTenant));
    }

    [Fact]
    public async Task Sync_EveryTenant_OneLinePerTenantAndNothingToSyncSaidPlainly()
    {
        await using var rig = await PeopleSyncRig.StartAsync(DatabaseProvider.Sqlite);
        await using (var db = rig.Database.CreateContext())
        {
            await db.ConversationReferences.ExecuteUpdateAsync(set => set.SetProperty(r => r.TeamId, (string?)null));
        }

        rig.Slack.AddUser(new FakeSlackUser("U0ANA", "ana", "Ana Lima", PeopleSyncRig.SlackTeam));

        var run = await rig.SyncAsync();

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            [
                $"{Teams}: nothing to synchronise: the bot is in no team of this tenant yet; add it to a team, and the team's members become the roster",
                $"{Slack}: 1 people listed by the workspace (1 added, 0 linked by e-mail, 0 merged, 0 updated, 0 unchanged, 0 left)",
            ],
            run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("local", "The local tenant has no platform to read a roster from; import one with 'feedbackbot import people FILE.csv'.")]
    [InlineData("slack:T0NOWHERE", "No tenant slack:T0NOWHERE: the bot has not been installed there")]
    [InlineData("chat:x", "--tenant must be local, teams:TENANT-ID or slack:TEAM-ID, not 'chat:x'.")]
    public async Task Sync_TenantThatCannotBeSynchronised_ExitsTwoAndChangesNothing(string tenant, string expected)
    {
        await using var rig = await PeopleSyncRig.StartAsync(DatabaseProvider.Sqlite);

        var run = await rig.SyncAsync("--tenant", tenant);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(rig.Connector.Requests);
        Assert.Empty(rig.Slack.Calls);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SyncAll_OneTenantsPlatformFails_TheOtherIsSynchronisedAndTheJobFailsNamingIt(DatabaseProvider provider)
    {
        await using var rig = await PeopleSyncRig.StartAsync(provider);
        rig.Connector.EnqueueMembers(new ScriptedResponse(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}"""));
        rig.Slack.AddUser(new FakeSlackUser("U0ANA", "ana", "Ana Lima", PeopleSyncRig.SlackTeam));

        var error = await Assert.ThrowsAsync<PeopleSyncException>(rig.SyncAllAsync);

        Assert.StartsWith($"The people of 1 tenant(s) were not synchronised, and nothing of theirs changed: {Teams}: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(["/U0ANA|Ana Lima|Staff|slack|here|"], await Roster.ReadAsync(rig.Database, PeopleSyncRig.SlackTeam));
        Assert.Empty(await Roster.ReadAsync(rig.Database, PeopleSyncRig.TeamsTenant));
    }
}
