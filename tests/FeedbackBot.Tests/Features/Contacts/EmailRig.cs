using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedbackBot.Tests.Features.Contacts;

/// <summary>
/// The real bot on a stopped clock with its e-mail pointed at a loopback SMTP server, a customer plan applied to the
/// local tenant and contacts imported: what a cycle of a customer plan needs to e-mail its customers.
/// </summary>
internal sealed class EmailRig : IAsyncDisposable
{
    private EmailRig(TestDatabase database, LoopbackSmtpServer smtp, ManualClock clock, Dictionary<string, string?> settings)
    {
        Database = database;
        Smtp = smtp;
        Clock = clock;
        Settings = settings;
    }

    public TestDatabase Database { get; }

    public LoopbackSmtpServer Smtp { get; }

    public ManualClock Clock { get; }

    public Dictionary<string, string?> Settings { get; }

    public WebApplication? App { get; private set; }

    /// <summary>Applies <paramref name="planYaml"/> and imports <paramref name="contacts"/>; the bot is not started yet.</summary>
    public static async Task<EmailRig> CreateAsync(string planYaml, string contacts, DatabaseProvider provider = DatabaseProvider.Sqlite, int perMinute = 10_000)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var smtp = await LoopbackSmtpServer.StartAsync();
        var settings = CliRun.Settings(database);
        foreach (var (key, value) in smtp.Settings(perMinute))
        {
            settings[key] = value;
        }

        settings["Surveys:BaseUrl"] = "https://feedback.example.com/";
        await CustomerPlans.ApplyAsync(settings, planYaml);
        await CustomerPlans.ImportAsync(settings, contacts);
        var now = DateTime.UtcNow;
        return new EmailRig(database, smtp, new ManualClock(new DateTimeOffset(now.Date.AddHours(now.Hour), TimeSpan.Zero)), settings);
    }

    /// <summary>Builds the bot on the rig's clock and settings, and migrates its database; it does not serve or send yet.</summary>
    public async Task<WebApplication> BuildAsync()
    {
        App = BotWebApplication.Build(
            ["--urls=http://127.0.0.1:0"],
            new CliContext(TextWriter.Null, TextWriter.Null, Settings),
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        await App.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return App;
    }

    /// <summary>Starts the bot built by <see cref="BuildAsync"/>, or builds one first.</summary>
    public async Task<WebApplication> StartAsync()
    {
        var app = App ?? await BuildAsync();
        await app.StartAsync();
        return app;
    }

    /// <summary>Stops and forgets the bot, as an operator stopping it to change its settings.</summary>
    public async Task StopAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
            App = null;
        }
    }

    /// <summary>Wakes the dispatcher, as a queued row does: after the clock moved past a retry's backoff, say.</summary>
    public void Notify() => App!.Services.GetRequiredService<FeedbackBot.Jobs.Outbox.IOutboxSignal>().Notify();

    /// <summary>Opens the plan's cycle now, as its scheduled job does.</summary>
    public async Task<Guid> OpenCycleAsync()
    {
        await using var scope = App!.Services.CreateAsyncScope();
        var planId = await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Plans.Select(p => p.Id).SingleAsync();
        var opened = await scope.ServiceProvider.GetRequiredService<CycleLifecycle>().OpenCycleAsync(planId, Clock.GetUtcNow(), CancellationToken.None);
        return opened!.CycleId;
    }

    public async Task<DateTimeOffset?> RemindAsync(Guid cycleId)
    {
        await using var scope = App!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CycleLifecycle>().RemindAsync(cycleId, CancellationToken.None);
    }

    /// <summary>Waits until no outbox row is waiting or being sent: every e-mail queued so far has had its outcome.</summary>
    public async Task<List<OutboxMessage>> SettledOutboxAsync(int rows)
    {
        return await Eventually.ThatAsync(
            async () =>
            {
                await using var db = Database.CreateContext();
                return await db.Outbox.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync();
            },
            all => all.Count == rows && all.All(m => m.State is not (OutboxState.Pending or OutboxState.Sending or OutboxState.Transmitting)),
            $"{rows} outbox rows with their outcome",
            TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until every row is sent, given up, or back to waiting after a failed attempt.</summary>
    public async Task<List<OutboxMessage>> SettledOrWaitingAsync()
    {
        return await Eventually.ThatAsync(
            async () =>
            {
                await using var db = Database.CreateContext();
                return await db.Outbox.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync();
            },
            all => all.Count > 0 && all.All(m => m.State is not (OutboxState.Sending or OutboxState.Transmitting) && (m.State != OutboxState.Pending || m.Attempts > 0)),
            "every outbox row tried",
            TimeSpan.FromSeconds(60));
    }

    public async Task<T> WithDbAsync<T>(Func<FeedbackDbContext, Task<T>> query)
    {
        await using var db = Database.CreateContext();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
    }
}
