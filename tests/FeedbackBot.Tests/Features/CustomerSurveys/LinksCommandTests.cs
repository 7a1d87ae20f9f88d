using System.Globalization;
using System.Net;
using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.CustomerSurveys;

/// <summary><c>feedbackbot links create</c>: links that open the survey, in the plan's open cycle or one it opens.</summary>
public sealed class LinksCommandTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task LinksCreate_NoCycleOpen_OpensOneBooksItsCloseAndPrintsLinksThatOpenTheSurvey(DatabaseProvider provider)
    {
        await using var rig = await SurveyRig.StartAsync(provider);

        var run = await CliRun.RunAsync(rig.Settings, "links", "create", "--plan", SurveyRig.PlanKey, "--count", "3");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var links = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, links.Distinct(StringComparer.Ordinal).Count());
        Assert.All(links, l => Assert.StartsWith(rig.Settings["Surveys:BaseUrl"] + "s/", l, StringComparison.Ordinal));
        Assert.Contains("Created 3 survey links for Customer experience (customer-experience) in a cycle opened now", run.Error, StringComparison.Ordinal);
        foreach (var link in links)
        {
            Assert.Contains("How satisfied were you with the service you received?", await SurveyRig.BodyAsync(await rig.Client.GetAsync(link), HttpStatusCode.OK), StringComparison.Ordinal);
        }

        await using var db = rig.Database.CreateContext();
        var cycle = await db.ReviewCycles.SingleAsync();
        Assert.Equal(CycleState.Open, cycle.State);
        Assert.Equal(TimeSpan.FromDays(7), cycle.EndsAt - cycle.StartsAt);
        Assert.NotNull(cycle.StepsBookedAt);
        // Hangfire keeps times to the millisecond.
        var close = Assert.Single(DueJobs.Scheduled(rig.App.Services), j => j.Name == "customer-experience: close the cycle and post its review");
        Assert.Equal(cycle.EndsAt, close.EnqueueAt, TimeSpan.FromMilliseconds(1));
        var invitations = await db.Invitations.ToListAsync();
        Assert.Equal(3, invitations.Count);
        Assert.All(invitations, i => Assert.Equal(("link", (Guid?)null, (Guid?)null, cycle.Id), (i.Via, i.PersonId, i.ContactId, i.CycleId)));
    }

    [Fact]
    public async Task LinksCreate_CycleOpen_AddsItsLinksToThatCycle()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync(rig.Settings, "links", "create", "--plan", SurveyRig.PlanKey)).ExitCode);

        var second = await CliRun.RunAsync(rig.Settings, "links", "create", "--plan", SurveyRig.PlanKey, "--count", "2");

        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Contains("Created 2 survey links for Customer experience (customer-experience) in its open cycle", second.Error, StringComparison.Ordinal);
        await using var db = rig.Database.CreateContext();
        Assert.Equal(1, await db.ReviewCycles.CountAsync());
        Assert.Equal(3, await db.Invitations.CountAsync());
    }

    [Fact]
    public async Task LinksCreate_Out_WritesTheLinksAsCsv()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "links.csv");

        var run = await CliRun.RunAsync(rig.Settings, "links", "create", "--plan", SurveyRig.PlanKey, "--count", "2", "--out", file);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(string.Empty, run.Out);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal("link,invitation_id,expires_at", lines[0]);
        await using var db = rig.Database.CreateContext();
        var cycle = await db.ReviewCycles.SingleAsync();
        var ids = await db.Invitations.Select(i => i.Id).ToListAsync();
        Assert.Equal(2, lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            Assert.Contains(Guid.Parse(cells[1]), ids);
            Assert.Contains(cells[1].Replace("-", string.Empty, StringComparison.Ordinal), cells[0], StringComparison.Ordinal);
            Assert.Equal(cycle.EndsAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), cells[2]);
            Assert.Equal(HttpStatusCode.OK, (await rig.Client.GetAsync(cells[0])).StatusCode);
        }
    }

    [Fact]
    public async Task LinksCreate_Qr_WritesAPngAndAnSvgOfEachLink()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var qr = Path.Combine(folder.Path, "codes");

        var run = await CliRun.RunAsync(rig.Settings, "links", "create", "--plan", SurveyRig.PlanKey, "--count", "2", "--qr", qr);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        await using var db = rig.Database.CreateContext();
        foreach (var id in await db.Invitations.Select(i => i.Id).ToListAsync())
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(qr, $"{id:D}.png"));
            var svg = await File.ReadAllTextAsync(Path.Combine(qr, $"{id:D}.svg"));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.StartsWith("<svg", svg.TrimStart(), StringComparison.Ordinal);
            Assert.Contains("fill=\"#000000\"", svg, StringComparison.Ordinal);
        }

        Assert.Equal(4, Directory.GetFiles(qr).Length);
        Assert.Contains("Wrote 4 QR code files (PNG and SVG)", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "--count must be from 1 to 10000, not 0.")]
    [InlineData("10001", "--count must be from 1 to 10000, not 10001.")]
    public async Task LinksCreate_CountOutOfRange_Exits2AndCreatesNothing(string count, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "links", "create", "--plan", "customer-experience", "--count", count);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(message, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task LinksCreate_UnknownPausedOrStaffOnlyPlan_Exits2AndCreatesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var staff = await PlanFiles.WriteAsync(PlanFiles.QuickPulse);
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync(database, "plans", "apply", staff.Path, Path.Combine(RepositoryPaths.ExamplePlans, "customer-experience.yaml"))).ExitCode);
        await using (var db = database.CreateContext())
        {
            await db.Plans.Where(p => p.Key == "customer-experience").ExecuteUpdateAsync(s => s.SetProperty(p => p.State, PlanState.Paused));
        }

        var unknown = await CliRun.RunAsync(database, "links", "create", "--plan", "nope");
        var paused = await CliRun.RunAsync(database, "links", "create", "--plan", "customer-experience");
        var staffOnly = await CliRun.RunAsync(database, "links", "create", "--plan", "quick-pulse");

        Assert.Equal((ExitCodes.BadInput, "No plan 'nope' in tenant local; see 'feedbackbot plans list'."), (unknown.ExitCode, Assert.Single(unknown.ErrorLines)));
        Assert.Equal((ExitCodes.BadInput, "Plan 'customer-experience' is paused; resume it before creating links."), (paused.ExitCode, Assert.Single(paused.ErrorLines)));
        Assert.Equal(ExitCodes.BadInput, staffOnly.ExitCode);
        Assert.Contains("asks customers nothing", Assert.Single(staffOnly.ErrorLines), StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.ReviewCycles.CountAsync());
        Assert.Equal(0, await check.Invitations.CountAsync());
    }
}
