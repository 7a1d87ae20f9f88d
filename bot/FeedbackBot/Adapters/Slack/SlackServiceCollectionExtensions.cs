using FeedbackBot.Channels.Resilience;
using FeedbackBot.Channels.Slack;
using FeedbackBot.Conversations;
using FeedbackBot.Features.People;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Slack;

internal static class SlackServiceCollectionExtensions
{
    public static IServiceCollection AddFeedbackSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSlackWebApi(configuration);
        services.AddSingleton<SlackRequestVerifier>();
        services.AddSingleton<SlackUserNames>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddSingleton<SlackAfterwards>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackAfterwards>());
        services.AddHostedService<SlackWorker>();
        services.AddHostedService<SlackSocketModeService>();
        services.AddScoped<SlackInbound>();
        services.AddScoped<SlackTurns>();
        services.AddScoped<SlackHome>();
        services.AddScoped<IProactiveSender, SlackProactiveSender>();
        return services;
    }

    /// <summary>
    /// The Slack settings, the Web API client with its pacer, the workspaces' tokens and the roster reader: what calling Slack needs, in
    /// the bot and in a command that calls Slack (<c>people sync</c>). Its HTTP client comes from <see cref="IHttpClientFactory"/>
    /// with the platforms' resilience handlers (<see cref="PlatformHttpClients"/>); a <see cref="PlatformResilienceOptions"/>
    /// in the container replaces the default one (tests wait on nothing).
    /// </summary>
    public static IServiceCollection AddSlackWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();

        // One client for the process: its pacing of chat.postMessage per channel must be shared.
        services.AddSingleton(sp => new SlackApiPacer(sp.GetRequiredService<TimeProvider>()));
        services.AddSlackHttpClients();
        services.AddSingleton(sp => new SlackWebApiClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(PlatformHttpClients.SlackWebApi),
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackWebApiClient>>(),
            sp.GetService<PlatformResilienceOptions>()));
        services.AddSingleton<SlackWorkspaces>();
        services.AddScoped<IPlatformRosterReader, SlackRosterReader>();
        return services;
    }
}
