using FeedbackBot.CommandLine;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Teams;
using FeedbackBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedbackBot.Tests.Features.Cycles;

/// <summary>
/// The Teams a whole-host cycle test sends to: fakes of the Bot Framework identity, the token endpoint and the
/// Connector, the host settings that point at them, and the real host built on those settings and a test's clock.
/// </summary>
internal sealed class FakeTeams : IAsyncDisposable
{
    private readonly FakeBotFrameworkIdentity _identity;
    private readonly FakeTokenEndpoint _tokens;

    private FakeTeams(FakeBotFrameworkIdentity identity, FakeTokenEndpoint tokens, FakeConnector connector, Dictionary<string, string?> settings)
    {
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
        return new FakeTeams(identity, tokens, connector, TeamsSettings.For(database, identity, tokens));
    }

    /// <summary>The real host on <see cref="Settings"/>, reading the time from <paramref name="clock"/>; not started.</summary>
    public WebApplication Host(TimeProvider clock) =>
        BotWebApplication.Build(
            ["--urls=http://127.0.0.1:0"],
            new CliContext(TextWriter.Null, TextWriter.Null, Settings),
            services => services.Replace(ServiceDescriptor.Singleton(clock)));

    /// <summary>
    /// Waits for exactly <paramref name="count"/> deliveries: they all arrive within <paramref name="within"/>, and
    /// no more follow during <paramref name="quiet"/>.
    /// </summary>
    public async Task WaitForDeliveriesAsync(int count, TimeSpan within, TimeSpan quiet)
    {
        await Eventually.ThatAsync(() => Task.FromResult(Connector.Deliveries.Count), n => n >= count, $"{count} deliveries", within);
        // A duplicate (a second instance, a repeated step) would arrive within this while, if at all.
        await Task.Delay(quiet);
        Assert.True(count == Connector.Deliveries.Count, string.Join('\n', Connector.Deliveries.Select(d => $"{d.At:HH:mm:ss.fff} {d.ConversationId}")));
    }

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await _tokens.DisposeAsync();
        await _identity.DisposeAsync();
    }
}
