using System.Net;
using FeedbackBot.Channels.Slack;
using FeedbackBot.Channels.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FeedbackBot.Channels.Resilience;

/// <summary>
/// The named <see cref="HttpClient"/>s that call Teams and Slack, from <see cref="IHttpClientFactory"/>, each with the
/// same resilience handlers from Microsoft.Extensions.Http.Resilience, outermost first: a time-out for the whole call,
/// the retry (throttling, 5xx and transport errors, after Retry-After when given), the platform's own per-attempt
/// handler (the pacer, so every attempt takes a slot), and a time-out for one attempt.
/// </summary>
public static class PlatformHttpClients
{
    public const string TeamsConnector = "FeedbackBot.Teams.Connector";
    public const string TeamsToken = "FeedbackBot.Teams.Token";
    public const string TeamsIdentity = "FeedbackBot.Teams.Identity";
    public const string SlackWebApi = "FeedbackBot.Slack.WebApi";

    /// <summary>
    /// The Teams clients: the Connector's, paced per attempt by the container's <see cref="TeamsSendPacer"/>; the token
    /// endpoint's; and the one reading the Bot Framework's signing keys, which serves an inbound request and so gives up
    /// within Teams' patience.
    /// </summary>
    public static IServiceCollection AddTeamsHttpClients(this IServiceCollection services)
    {
        services.AddPlatformHttpClient(TeamsConnector, "teams", TeamsAttemptHandler.IsTransient, sp => new TeamsAttemptHandler(
            sp.GetRequiredService<TeamsSendPacer>(), sp.GetRequiredService<ILogger<BotConnectorClient>>()));
        services.AddPlatformHttpClient(TeamsToken, "teams", IsTransient);
        services.AddPlatformHttpClient(TeamsIdentity, "teams", IsTransient, adjust: options => options with
        {
            MaxAttempts = Math.Min(options.MaxAttempts, 2),
            AttemptTimeout = TimeSpan.FromSeconds(5),
            TotalTimeout = TimeSpan.FromSeconds(10),
        });
        return services;
    }

    /// <summary>The Slack Web API's client, paced per attempt by the container's <see cref="SlackApiPacer"/>.</summary>
    public static IServiceCollection AddSlackHttpClients(this IServiceCollection services)
    {
        services.AddPlatformHttpClient(SlackWebApi, "slack", SlackAttemptHandler.IsTransient, sp => new SlackAttemptHandler(sp.GetRequiredService<SlackApiPacer>()));
        return services;
    }

    /// <summary>
    /// Registers the named client <paramref name="name"/>. <paramref name="isTransient"/> says which answers are
    /// worth another attempt; <paramref name="perAttempt"/>, when given, sees every attempt (it paces and logs them).
    /// </summary>
    public static IHttpClientBuilder AddPlatformHttpClient(
        this IServiceCollection services,
        string name,
        string platform,
        Func<HttpResponseMessage, bool> isTransient,
        Func<IServiceProvider, DelegatingHandler>? perAttempt = null,
        Func<PlatformResilienceOptions, PlatformResilienceOptions>? adjust = null)
    {
        ArgumentNullException.ThrowIfNull(isTransient);
        var builder = services.AddHttpClient(name)
            // The resilience handlers time the call; HttpClient's own time-out would cut across their retries.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The clients are held by singletons, so their connections are renewed here rather than by handler rotation.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            // The factory's own lines (two at Information for every request) would log each of a fan-out's sends; the
            // per-attempt handlers and the retry log what matters, failures.
            .RemoveAllLoggers();

        builder.AddResilienceHandler("total", (pipeline, context) =>
        {
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddTimeout(Options(context.ServiceProvider, adjust).TotalTimeout);
        });
        builder.AddResilienceHandler("retry", (pipeline, context) =>
        {
            var options = Options(context.ServiceProvider, adjust);
            var clock = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            var logger = context.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(PlatformHttpClients).FullName!);
            pipeline.TimeProvider = options.RetryClock ?? clock;
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, isTransient, options, clock)),
                DelayGenerator = args =>
                {
                    var asked = args.Outcome.Result is { } response ? RetryAfter(response, clock) : null;
                    if (asked is { } wait)
                    {
                        ChannelsMetrics.RecordRetryAfter(platform, wait);
                    }

                    return ValueTask.FromResult<TimeSpan?>(asked ?? options.Backoff(args.AttemptNumber + 1, Random.Shared.NextDouble()));
                },
                OnRetry = args =>
                {
                    if (logger?.IsEnabled(LogLevel.Warning) == true)
                    {
                        logger.LogWarning("{Platform} call {Client} failed ({Failure}); retrying in {Delay} (attempt {Attempt} of {MaxAttempts})",
                            platform, name, Describe(args.Outcome), args.RetryDelay, args.AttemptNumber + 2, options.MaxAttempts);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        });
        if (perAttempt is not null)
        {
            builder.AddHttpMessageHandler(perAttempt);
        }

        builder.AddResilienceHandler("attempt", (pipeline, context) =>
        {
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddTimeout(Options(context.ServiceProvider, adjust).AttemptTimeout);
        });
        return builder;
    }

    /// <summary>
    /// The wait a response asks for in Retry-After, as seconds or as a date (read on <paramref name="clock"/>), never
    /// negative; null when it asks for none.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>A Retry-After the bot will not wait out: the call fails at once and the caller says why.</summary>
    public static bool AsksTooLong(HttpResponseMessage response, PlatformResilienceOptions options, TimeProvider clock) =>
        RetryAfter(response, clock) is { } wait && wait > options.MaxRetryAfter;

    /// <summary>Answers worth another attempt on any platform: throttled (429), a request timeout (408), a 5xx.</summary>
    public static bool IsTransient(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
    }

    private static PlatformResilienceOptions Options(
        IServiceProvider services, Func<PlatformResilienceOptions, PlatformResilienceOptions>? adjust)
    {
        var options = services.GetService<PlatformResilienceOptions>() ?? PlatformResilienceOptions.Default;
        return adjust is null ? options : adjust(options);
    }

    // A connection closed or reset by the peer, a refused connection and an attempt's time-out are transient like a 5xx.
    // The caller's own cancellation is not: it is an OperationCanceledException, neither of these.
    private static bool ShouldRetry(
        Outcome<HttpResponseMessage> outcome, Func<HttpResponseMessage, bool> isTransient, PlatformResilienceOptions options, TimeProvider clock) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } response && isTransient(response) && !AsksTooLong(response, options, clock));

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } error ? $"{error.GetType().Name}: {error.Message}" : $"{(int)outcome.Result!.StatusCode}";
}
