using System.Net;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.Scheduling;

public sealed class AdminJobsPageTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Get_PasswordSetAndNoCredentials_Returns401WithBasicChallenge()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);

        var response = await host.Client.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.DoesNotContain("system.plan-sync", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin", "wrong password")]
    [InlineData("root", Password)]
    public async Task Get_WrongCredentials_Returns401(string user, string password)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);
        host.LogIn(user, password);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/admin/jobs")).StatusCode);
    }

    [Fact]
    public async Task Get_RightPassword_ListsTheJobsUnderAStrictPolicy()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);
        host.LogIn("admin", Password);

        var response = await host.Client.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<code>system.plan-sync</code>", page, StringComparison.Ordinal);
        Assert.Contains("<code>system.weekly-summary</code>", page, StringComparison.Ordinal);
        Assert.Contains("0 9 * * 1 (UTC)", page, StringComparison.Ordinal);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoPasswordFromLoopback_ServesThePage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, password: null);

        var response = await host.Client.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("system.plan-sync", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoPasswordThroughAProxy_Returns404()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, password: null);
        host.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var response = await host.Client.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("system.plan-sync", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400AndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);
        host.LogIn("admin", Password);
        await host.Client.GetAsync("/admin/jobs");

        var response = await host.PostAsync("pause", "system.weekly-summary", token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await host.Client.GetStringAsync("/admin/jobs");
        Assert.DoesNotContain("paused (by operator)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_PauseThenResumeWithToken_ChangesTheJobsState()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);
        host.LogIn("admin", Password);
        var token = AdminHost.AntiforgeryToken(await host.Client.GetStringAsync("/admin/jobs"));

        var paused = await host.PostAsync("pause", "system.weekly-summary", token);
        var afterPause = await host.Client.GetStringAsync("/admin/jobs");
        var resumed = await host.PostAsync("resume", "system.weekly-summary", token);
        var afterResume = await host.Client.GetStringAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.SeeOther, paused.StatusCode);
        Assert.Equal("/admin/jobs?done=pause%20system.weekly-summary", paused.Headers.Location?.OriginalString);
        Assert.Contains("paused (by operator)", afterPause, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, resumed.StatusCode);
        Assert.DoesNotContain("paused (by operator)", afterResume, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TriggerWithToken_RunsTheJob()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);
        host.LogIn("admin", Password);
        var token = AdminHost.AntiforgeryToken(await host.Client.GetStringAsync("/admin/jobs"));

        var response = await host.PostAsync("trigger", "system.weekly-summary", token);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await host.Lifecycle.WeeklySummaryPosted.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Post_UnknownJob_Returns404()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, Password);
        host.LogIn("admin", Password);
        var token = AdminHost.AntiforgeryToken(await host.Client.GetStringAsync("/admin/jobs"));

        var response = await host.PostAsync("trigger", "system.nothing", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_JobsDisabled_ShowsTheJobsAndSaysThisInstanceRunsNone()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await AdminHost.StartAsync(database, password: null, jobsEnabled: false);

        var page = await host.Client.GetStringAsync("/admin/jobs");

        Assert.Contains("It runs no jobs (Jobs:Enabled is false)", page, StringComparison.Ordinal);
        Assert.Contains("system.plan-sync", page, StringComparison.Ordinal);
        var scheduler = await host.App.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        Assert.Equal(Quartz.SchedulerStatus.Created, scheduler.Status);
    }
}
