using FeedbackBot.Channels.Teams;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Teams;

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

    private TeamsHarness(FakeBotFrameworkIdentity identity, FakeTokenEndpoint tokenEndpoint, FakeConnector connector)
    {
        Identity = identity;
        TokenEndpoint = tokenEndpoint;
        Connector = connector;
    }

    public ManualClock Clock { get; } = new();

    public FakeBotFrameworkIdentity Identity { get; }

    public FakeTokenEndpoint TokenEndpoint { get; }

    public FakeConnector Connector { get; }

    public List<TimeSpan> RetryDelays { get; } = [];

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

    /// <summary>A Connector client whose retry waits are recorded and move the fake clock instead of sleeping.</summary>
    public BotConnectorClient ConnectorClient(BotTokenProvider? tokens = null, TeamsSendPacer? pacer = null)
    {
        var policy = new PlatformRetryPolicy
        {
            Delay = (delay, _) =>
            {
                lock (RetryDelays)
                {
                    RetryDelays.Add(delay);
                }

                Clock.Advance(delay);
                return Task.CompletedTask;
            },
        };
        return new BotConnectorClient(
            Track(new HttpClient()), tokens ?? TokenProvider(), pacer ?? new TeamsSendPacer(Clock), Clock, ConnectorLog, policy);
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
