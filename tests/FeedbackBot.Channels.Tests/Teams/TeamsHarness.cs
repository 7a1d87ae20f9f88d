using FeedbackBot.Channels.Resilience;
using FeedbackBot.Channels.Teams;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Channels.Tests.Teams;

/// <summary>
/// The bot's Teams protocol layer wired to fakes of the Bot Framework's identity, Entra's token endpoint and the
/// Connector, all on loopback, with one fake clock.
/// </summary>
public sealed class TeamsHarness : IAsyncDisposable
{
    public const string AppPassword = "s3cret~Value.With+Symbols";
    public const string TenantId = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

    private readonly List<IDisposable> _disposables = [];
    private readonly RecordedDelays _delays;

    private TeamsHarness(FakeBotFrameworkIdentity identity, FakeTokenEndpoint tokenEndpoint, FakeConnector connector)
    {
        _delays = new RecordedDelays(Clock);
        Identity = identity;
        TokenEndpoint = tokenEndpoint;
        Connector = connector;
    }

    public ManualClock Clock { get; } = new();

    public FakeBotFrameworkIdentity Identity { get; }

    public FakeTokenEndpoint TokenEndpoint { get; }

    public FakeConnector Connector { get; }

    /// <summary>The waits between retries that were asked for; they move <see cref="Clock"/> on instead of sleeping.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => _delays.Delays;

    public RecordingLogger<BotConnectorClient> ConnectorLog { get; } = new();

    public RecordingLogger<BotFrameworkAuthenticator> AuthenticatorLog { get; } = new();

    public static async Task<TeamsHarness> StartAsync()
    {
        var identity = FakeBotFrameworkIdentity.StartAsync();
        var tokenEndpoint = FakeTokenEndpoint.StartAsync();
        var connector = FakeConnector.StartAsync();
        return new(await identity, await tokenEndpoint, await connector);
    }

    public TeamsOptions Options(Action<TeamsOptions>? change = null)
    {
        var options = new TeamsOptions
        {
            AppId = FakeBotFrameworkIdentity.AppId,
            AppPassword = AppPassword,
            OpenIdMetadataUrl = Identity.MetadataUrl.ToString(),
            TokenEndpoint = TokenEndpoint.Template,
        };
        change?.Invoke(options);
        return options;
    }

    public BotFrameworkAuthenticator Authenticator(Action<TeamsOptions>? change = null) =>
        Track(new BotFrameworkAuthenticator(Track(new HttpClient()), Microsoft.Extensions.Options.Options.Create(Options(change)), Clock, AuthenticatorLog));

    public BotTokenProvider TokenProvider(Action<TeamsOptions>? change = null) =>
        Track(new BotTokenProvider(Track(new HttpClient()), Microsoft.Extensions.Options.Options.Create(Options(change)), Clock, new RecordingLogger<BotTokenProvider>()));

    /// <summary>
    /// A Connector client as the bot builds it (its HttpClient from the factory, with the resilience handlers and the
    /// pacer per attempt), whose retry waits are recorded and move the fake clock instead of sleeping.
    /// </summary>
    public BotConnectorClient ConnectorClient(BotTokenProvider? tokens = null, TeamsSendPacer? pacer = null, PlatformResilienceOptions? resilience = null)
    {
        var options = (resilience ?? PlatformResilienceOptions.Default) with { RetryClock = _delays };
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(pacer ?? new TeamsSendPacer(Clock));
        services.AddSingleton<ILogger<BotConnectorClient>>(ConnectorLog);
        services.AddSingleton(options);
        services.AddTeamsHttpClients();
        var provider = Track(services.BuildServiceProvider());
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(PlatformHttpClients.TeamsConnector);
        return new BotConnectorClient(http, tokens ?? TokenProvider(), Clock, options);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        await Identity.DisposeAsync();
        await TokenEndpoint.DisposeAsync();
        await Connector.DisposeAsync();
    }

    private T Track<T>(T disposable)
        where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }
}
