using FeedbackBot.CommandLine;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Teams;
using FeedbackBot.Tests.Support;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedbackBot.Tests.Features.Cycles;

/// <summary>
/// The Teams a whole-host cycle test sends to: fakes of the Bot Framework identity, the token endpoint and the
/// Connector, the host settings that point at them, and the real host built on those settings and a test's clock.
/// </summary>
internal sealed class FakeTeams : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly FakeBotFrameworkIdentity _identity;
    private readonly FakeTokenEndpoint _tokens;
    private readonly List<WebApplication> _hosts = [];

    private FakeTeams(TestDatabase database, FakeBotFrameworkIdentity identity, FakeTokenEndpoint tokens, FakeConnector connector, Dictionary<string, string?> settings)
    {
        _database = database;
        _identity = identity;
        _tokens = tokens;
        Connector = connector;
        Settings = settings;
    }

    public FakeConnector Connector { get; }

    /// <summary>The host's settings; a test may change them before it builds a host.</summary>
    public Dictionary<string, string?> Settings { get; }

    public static async Task<FakeTeams> StartAsync(TestDatabase database)
    {
        var identity = await FakeBotFrameworkIdentity.StartAsync();
        var tokens = await FakeTokenEndpoint.StartAsync();
        var connector = await FakeConnector.StartAsync();
        return new FakeTeams(database, identity, tokens, connector, TeamsSettings.For(database, identity, tokens));
    }

    /// <summary>The real host on <see cref="Settings"/>, reading the time from <paramref name="clock"/>; not started.</summary>
    public WebApplication Host(TimeProvider clock)
    {
        var host = BotWebApplication.Build(
            ["--urls=http://127.0.0.1:0"],
            new CliContext(TextWriter.Null, TextWriter.Null, Settings),
            services => services.Replace(ServiceDescriptor.Singleton(clock)));
        _hosts.Add(host);
        return host;
    }

    /// <summary>
    /// Waits for exactly <paramref name="count"/> deliveries: they all arrive within <paramref name="within"/>, and
    /// none follow once the hosts have nothing left to send.
    /// </summary>
    public async Task WaitForDeliveriesAsync(int count, TimeSpan within)
    {
        await Eventually.ThatAsync(() => Task.FromResult(Connector.Deliveries.Count), n => n >= count, $"{count} deliveries", within);
        // A duplicate (a second instance, a repeated step) would be sent by a job or by the outbox. Once no job is
        // waiting or running and no outbox message is being sent or due, every send there will be until the clock
        // moves has been made, and the Connector recorded it before the bot marked it sent.
        await Eventually.ThatAsync(NothingLeftToSendAsync, "the hosts' jobs and the outbox to have nothing left to send", within);
        Assert.True(count == Connector.Deliveries.Count, string.Join('\n', Connector.Deliveries.Select(d => $"{d.At:HH:mm:ss.fff} {d.ConversationId}")));
    }

    private async Task<bool> NothingLeftToSendAsync()
    {
        foreach (var host in _hosts)
        {
            var jobs = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().GetStatistics();
            if (jobs.Enqueued + jobs.Processing > 0)
            {
                return false;
            }
        }

        await using var db = _database.CreateContext();
        var now = _hosts[0].Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return !await db.Outbox.AnyAsync(m => m.State == OutboxState.Sending || (m.State == OutboxState.Pending && m.NextAttemptAt <= now));
    }

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await _tokens.DisposeAsync();
        await _identity.DisposeAsync();
    }
}
