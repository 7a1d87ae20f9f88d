using FeedbackBot.Channels.Slack;
using FeedbackBot.Channels.Tests.Teams;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Slack;

namespace FeedbackBot.Channels.Tests.Slack;

/// <summary>The Web API client wired to the fake Slack Web API on loopback, with one fake clock for both.</summary>
public sealed class SlackHarness : IAsyncDisposable
{
    public const string BotToken = "xoxb-17-harness-token";
    public const string AppToken = "xapp-1-A0FEEDBACK-harness";

    private readonly List<IDisposable> _disposables = [];

    private SlackHarness(ManualClock clock, FakeSlackWebApi api)
    {
        Clock = clock;
        Api = api;
    }

    public ManualClock Clock { get; }

    public FakeSlackWebApi Api { get; }

    public List<TimeSpan> RetryDelays { get; } = [];

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

    /// <summary>A client whose retry waits are recorded and move the fake clock instead of sleeping.</summary>
    public SlackWebApiClient Client(SlackApiPacer? pacer = null)
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
        var http = new HttpClient();
        _disposables.Add(http);
        return new SlackWebApiClient(
            http, Microsoft.Extensions.Options.Options.Create(Options()), pacer ?? new SlackApiPacer(Clock), Clock, Log, policy);
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
