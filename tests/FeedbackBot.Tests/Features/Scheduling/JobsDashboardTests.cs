using System.Net;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.Scheduling;

/// <summary>
/// <c>/admin/jobs</c> is Hangfire's dashboard behind the bot's admin access: the admin (the password, or this machine
/// when none is set) may act; this machine without the password when one is set may only look; anyone else is refused
/// before Hangfire sees the request.
/// </summary>
public sealed class JobsDashboardTests
{
    private const string Password = "correct horse battery staple";
    private const string Remote = "203.0.113.7";

    [Fact]
    public async Task Get_PasswordSetRemoteWithoutCredentials_Returns401WithBasicChallenge()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);
        ThroughTlsProxy(host);

        var response = await host.Client.GetAsync("/admin/jobs/recurring");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.DoesNotContain("system.plan-sync", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin", "wrong password")]
    [InlineData("root", Password)]
    public async Task Get_RemoteWithWrongCredentials_Returns401(string user, string password)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);
        ThroughTlsProxy(host);
        host.LogIn(user, password);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/admin/jobs/recurring")).StatusCode);
    }

    [Fact]
    public async Task Get_RemoteAdminWithThePassword_SeesTheRecurringJobsAndMayTriggerThem()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);
        ThroughTlsProxy(host);
        host.LogIn("admin", Password);

        var page = await RecurringPageAsync(host, "system.weekly-summary");

        Assert.Contains("system.plan-sync", page, StringComparison.Ordinal);
        Assert.Contains("0 9 * * 1", page, StringComparison.Ordinal);
        Assert.Contains("data-url=\"/admin/jobs/recurring/trigger\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RemoteAdminOverPlainHttp_Returns403AndShowsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);
        host.Client.DefaultRequestHeaders.Add("X-Forwarded-For", Remote);
        host.LogIn("admin", Password);

        var response = await host.Client.GetAsync("/admin/jobs/recurring");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Use HTTPS", body, StringComparison.Ordinal);
        Assert.DoesNotContain("system.plan-sync", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoPasswordFromLoopback_ServesTheDashboardToTheAdmin()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, password: null);

        var page = await RecurringPageAsync(host, "system.plan-sync");

        Assert.Contains("FeedbackBot jobs", page, StringComparison.Ordinal);
        Assert.Contains("data-url=\"/admin/jobs/recurring/trigger\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ExampleStaffPlanApplied_ShowsThePlansJobByThePlansId()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await CliRun.RunAsync(database, "plans", "apply", Path.Combine(RepositoryPaths.ExamplePlans, "staff-pulse.yaml"))).ExitCode);
        await using var host = await AdminHost.StartAsync(database, password: null);

        var page = await RecurringPageAsync(host, "staff-pulse: open the scheduled cycle");

        Assert.Contains(">staff-pulse<", page, StringComparison.Ordinal);
        Assert.Contains("0 10 1,15 * *", page, StringComparison.Ordinal);
        Assert.Contains("Europe/London", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PasswordSetFromLoopbackWithoutCredentials_ShowsTheJobsReadOnly()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);

        var page = await RecurringPageAsync(host, "system.plan-sync");
        var trigger = await host.CommandAsync("/recurring/trigger", "system.weekly-summary", page);

        Assert.DoesNotContain("/recurring/trigger", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, trigger.StatusCode);
        await using (var db = database.CreateContext())
        {
            Assert.Empty(await db.AuditEntries.ToListAsync());
        }

        using var connection = host.App.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Null(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection, ["system.weekly-summary"]).Single().LastJobId);
    }

    [Fact]
    public async Task Get_NoPasswordThroughAProxy_Returns404()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, password: null);
        host.Client.DefaultRequestHeaders.Add("X-Forwarded-For", Remote);

        var response = await host.Client.GetAsync("/admin/jobs/recurring");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("system.plan-sync", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TriggerWithoutAntiforgeryToken_Returns403AndRunsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);
        host.LogIn("admin", Password);
        await RecurringPageAsync(host, "system.weekly-summary");

        var response = await host.CommandAsync("/recurring/trigger", "system.weekly-summary", page: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var connection = host.App.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Null(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection, ["system.weekly-summary"]).Single().LastJobId);
    }

    [Fact]
    public async Task Post_TriggerAsTheAdmin_RunsTheJob()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);
        host.LogIn("admin", Password);
        var page = await RecurringPageAsync(host, "system.weekly-summary");

        var response = await host.CommandAsync("/recurring/trigger", "system.weekly-summary", page);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await host.Lifecycle.WeeklySummaryPosted.WaitAsync(TimeSpan.FromSeconds(30));
        await using var db = database.CreateContext();
        var entry = Assert.Single(await db.AuditEntries.ToListAsync());
        Assert.Equal(("admin", "job.dashboard", "job:system.weekly-summary", "recurring/trigger"), (entry.Actor, entry.Action, entry.Subject, entry.Detail));
    }

    [Fact]
    public async Task Get_JobsDisabled_ShowsTheJobsWithNoServerRunningThem()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, password: null, jobsEnabled: false);

        await RecurringPageAsync(host, "system.plan-sync");

        Assert.Empty(host.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers());
    }

    /// <summary>A caller on another machine, through a proxy that ended TLS and says so.</summary>
    private static void ThroughTlsProxy(AdminHost host)
    {
        host.Client.DefaultRequestHeaders.Add("X-Forwarded-For", Remote);
        host.Client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
    }

    /// <summary>The recurring jobs page once the bot has put <paramref name="job"/> in place (it does so as it starts).</summary>
    private static async Task<string> RecurringPageAsync(AdminHost host, string job)
    {
        var page = string.Empty;
        await Eventually.ThatAsync(
            async () =>
            {
                var response = await host.Client.GetAsync("/admin/jobs/recurring");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                page = await response.Content.ReadAsStringAsync();
                return page.Contains(job, StringComparison.Ordinal);
            },
            $"the dashboard to list {job}",
            TimeSpan.FromSeconds(30));
        return page;
    }
}
