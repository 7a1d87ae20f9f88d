using FeedbackBot.Channels.Resilience;
using FeedbackBot.Channels.Slack;
using FeedbackBot.Channels.Tests.Teams;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Channels.Tests.Slack;

/// <summary>The Web API client wired to the fake Slack Web API on loopback, with one fake clock for both.</summary>
public sealed class SlackHarness : IAsyncDisposable
{
    public const string BotToken = "xoxb-17-harness-token";
    public const string AppToken = "xapp-1-A0FEEDBACK-harness";

    private readonly List<IDisposable> _disposables = [];
    private readonly RecordedDelays _delays;

    private SlackHarness(ManualClock clock, FakeSlackWebApi api)
    {
        _delays = new RecordedDelays(clock);
        Clock = clock;
        Api = api;
    }

    public ManualClock Clock { get; }

    public FakeSlackWebApi Api { get; }

    /// <summary>The waits between retries that were asked for; they move <see cref="Clock"/> on instead of sleeping.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => _delays.Delays;

    public RecordingLogger<SlackWebApiClient> Log { get; } = new();

    public static async Task<SlackHarness> StartAsync()
    {
        var clock = new ManualClock();
        return new SlackHarness(clock, await FakeSlackWebApi.StartAsync(clock));
    }

    public SlackOptions Options() => new()
    {
        SigningSecret = "signing-secret",
        ClientId = Api.ClientId,
        ClientSecret = Api.ClientSecret,
        AppToken = AppToken,
        ApiBaseUrl = Api.ApiBaseUrl,
        OAuthRedirectUrl = "https://bot.example.com/slack/oauth/callback",
    };

    /// <summary>
    /// A client as the bot builds it (its HttpClient from the factory, with the resilience handlers and the pacer per
    /// attempt), whose retry waits are recorded and move the fake clock instead of sleeping.
    /// </summary>
    public SlackWebApiClient Client(SlackApiPacer? pacer = null)
    {
        var options = PlatformResilienceOptions.Default with { RetryClock = _delays };
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(pacer ?? new SlackApiPacer(Clock));
        services.AddSingleton(options);
        services.AddSlackHttpClients();
        var provider = services.BuildServiceProvider();
        _disposables.Add(provider);
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(PlatformHttpClients.SlackWebApi);
        return new SlackWebApiClient(http, Microsoft.Extensions.Options.Options.Create(Options()), Clock, Log, options);
    }

    /// <summary>
    /// Runs <paramref name="work"/> while moving the fake clock on whenever the code under test waits on it, as time
    /// would pass for real; bounded so a test that never finishes fails instead of hanging.
    /// </summary>
    public async Task<T> WithClockRunningAsync<T>(Func<Task<T>> work)
    {
        var task = work();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The work did not finish while the clock was running.");
            }

            if (Clock.PendingTimers > 0)
            {
                Clock.Advance(TimeSpan.FromMilliseconds(100));
            }
            else
            {
                await Task.Delay(5);
            }
        }

        return await task;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        await Api.DisposeAsync();
    }
}
