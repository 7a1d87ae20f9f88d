using System.Globalization;
using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Audit;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Conversations;
using FeedbackBot.Tests.Features.Reviews;
using FeedbackBot.Tests.Features.Scheduling;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Audit;

/// <summary>The audit trail: what is recorded for each kind of act, and <c>feedbackbot audit</c>.</summary>
public sealed class AuditTrailTests
{
    private static async Task<List<AuditEntry>> EntriesAsync(TestDatabase database, string action)
    {
        await using var db = database.CreateContext();
        return [.. (await db.AuditEntries.Where(a => a.Action == action).ToListAsync()).OrderBy(a => a.At)];
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PlansApply_NewChangedAndUnchangedPlan_AuditsTheNewAndChangedVersionsOnly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        var plan = "id: quick\nname: Quick\naudiences: [staff]\nfeatures: [responsiveness]\nmethods: [survey]\nquestions:\n" +
            "  - id: q\n    text: Customers get a response from us quickly.\n    type: rating5\n    feature: responsiveness\n";
        var file = folder.Write("quick.yaml", plan);

        await CliRun.RunAsync(database, "plans", "apply", file);
        await CliRun.RunAsync(database, "plans", "apply", file);
        await CliRun.RunAsync(database, "plans", "apply", folder.Write("quick.yaml", plan + "retention_days: 365\n"));

        var entries = await EntriesAsync(database, AuditTrail.PlanApplied);
        Assert.Equal(
            ["cli|plan:quick|version 1 (created) from quick.yaml", "cli|plan:quick|version 2 (new version) from quick.yaml"],
            entries.Select(e => $"{e.Actor}|{e.Subject}|{e.Detail}"));
        Assert.All(entries, e => Assert.NotNull(e.TenantId));
    }

    [Fact]
    public async Task Role_AdminMakesSomeoneAManager_AuditsWhoWhomAndTheChange()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("alex");
        await rig.MeetAsync("sam");
        var sam = await rig.WithDbAsync(db => db.People.Where(p => p.ChannelUserId == "sam").Select(p => p.Id).SingleAsync());

        await rig.SayAsync("alex", "role @Sam manager");

        var entry = Assert.Single(await EntriesAsync(rig.Database, AuditTrail.RoleChanged));
        Assert.Equal(("alex", sam.ToString("D"), "staff to manager"), (entry.Actor, entry.Subject, entry.Detail));
    }

    [Fact]
    public async Task ImportPeople_RosterChangesARole_AuditsItAsTheCommandLine()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        await CliRun.RunAsync(database, "import", "people", folder.Write("people.csv", "person,name,role\nana.lima@contoso.example,Ana Lima,staff\n"));

        await CliRun.RunAsync(database, "import", "people", folder.Write("later.csv", "person,name,role\nana.lima@contoso.example,Ana Lima,manager\n"));

        await using var db = database.CreateContext();
        var ana = await db.People.SingleAsync();
        var entry = Assert.Single(await EntriesAsync(database, AuditTrail.RoleChanged));
        Assert.Equal((AuditTrail.CommandLine, ana.Id.ToString("D"), "staff to manager (roster later.csv)"), (entry.Actor, entry.Subject, entry.Detail));
    }

    [Fact]
    public async Task PausePlan_ManagerInChat_AuditsThePauseAndTheResume()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("alex");
        await rig.ApplyExamplePlansAsync();

        await rig.SayAsync("alex", "pause staff-pulse");
        await rig.SayAsync("alex", "resume staff-pulse");

        var paused = Assert.Single(await EntriesAsync(rig.Database, AuditTrail.PlanPaused));
        var resumed = Assert.Single(await EntriesAsync(rig.Database, AuditTrail.PlanResumed));
        Assert.Equal(("alex", "plan:staff-pulse"), (paused.Actor, paused.Subject));
        Assert.Equal(("alex", "plan:staff-pulse"), (resumed.Actor, resumed.Subject));
    }

    [Fact]
    public async Task JobsTriggerPauseResume_FromTheCommandLine_AreAuditedForTheInstallation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (await AdminHost.StartAsync(database, password: null))
        {
        }

        await CliRun.RunAsync(database, "jobs", "pause", "system.weekly-summary");
        await CliRun.RunAsync(database, "jobs", "resume", "system.weekly-summary");
        await CliRun.RunAsync(database, "jobs", "trigger", "system.weekly-summary");
        await CliRun.RunAsync(database, "jobs", "pause", "system.nothing");

        await using var db = database.CreateContext();
        var entries = (await db.AuditEntries.Where(a => a.Action.StartsWith("job.")).ToListAsync()).OrderBy(a => a.At).ToList();
        Assert.Equal(
            ["job.paused|job:system.weekly-summary", "job.resumed|job:system.weekly-summary", "job.triggered|job:system.weekly-summary"],
            entries.Select(e => $"{e.Action}|{e.Subject}"));
        Assert.All(entries, e => Assert.Equal((AuditTrail.CommandLine, (Guid?)null), (e.Actor, e.TenantId)));
    }

    [Fact]
    public async Task ReportLink_OpenedAsHtmlJsonAndHistory_IsAuditedAsTheLinkWithoutAnAddress()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        var (_, link) = await ExampleReviews.ReviewAsync(database);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database));
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };

        (await client.GetAsync(link.PathAndQuery)).EnsureSuccessStatusCode();
        (await client.GetAsync(link.AbsolutePath + ".json" + link.Query)).EnsureSuccessStatusCode();
        (await client.GetAsync(link.AbsolutePath + "/history/csat" + link.Query)).EnsureSuccessStatusCode();
        await client.GetAsync(link.AbsolutePath + ".json?token=forged");

        var review = "review:" + link.Segments[^1];
        var opened = await EntriesAsync(database, AuditTrail.ReportOpened);
        Assert.Equal([$"link|{review}|html", $"link|{review}|json"], opened.Select(e => $"{e.Actor}|{e.Subject}|{e.Detail}"));
        var history = Assert.Single(await EntriesAsync(database, AuditTrail.HistoryOpened));
        Assert.Equal(("link", review, "csat"), (history.Actor, history.Subject, history.Detail));
        Assert.DoesNotContain(opened.Append(history), e => e.Detail!.Contains("127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_Since_ListsEntriesFromThatDayOldestFirst()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            db.AuditEntries.AddRange(
                Entry(new DateTime(2026, 11, 30, 23, 59, 0, DateTimeKind.Utc), "evaluation.read", "old"),
                Entry(new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), AuditTrail.JobPaused, "job:system.people-sync"),
                Entry(new DateTime(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc), AuditTrail.PersonErased, "erasure:1"));
            await db.SaveChangesAsync();
        }

        var text = await CliRun.RunAsync(database, "audit", "--since", "2026-12-01");
        var json = await CliRun.RunAsync(database, "audit", "--since", "2026-12-01", "--format", "json");

        Assert.Equal(0, text.ExitCode);
        var lines = text.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("AT (UTC)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2026-12-01 08:30:00  -       cli    person.erased  erasure:1", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2026-12-02 09:00:00  -       cli    job.paused", lines[2], StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(["erasure:1", "job:system.people-sync"], document.RootElement.EnumerateArray().Select(e => e.GetProperty("subject").GetString()));
    }

    [Fact]
    public async Task Audit_SinceNotADay_IsAUsageError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "audit", "--since", "yesterday");

        Assert.Equal((2, "--since 'yesterday' is not a day; write it as YYYY-MM-DD."), (run.ExitCode, Assert.Single(run.ErrorLines)));
    }

    private static AuditEntry Entry(DateTime at, string action, string subject) => new()
    {
        Id = Guid.NewGuid(),
        At = at,
        Actor = AuditTrail.CommandLine,
        Action = action,
        Subject = subject,
        Detail = at.ToString("o", CultureInfo.InvariantCulture),
    };
}
