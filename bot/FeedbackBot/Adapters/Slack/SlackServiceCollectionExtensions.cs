using FeedbackBot.Channels.Slack;
using FeedbackBot.Conversations;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Slack;

internal static class SlackServiceCollectionExtensions
{
    public static IServiceCollection AddFeedbackSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();

        // One client for the process: its pacing of chat.postMessage per channel must be shared.
        services.AddSingleton(sp => new SlackApiPacer(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SlackWebApiClient(
            new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<SlackApiPacer>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackWebApiClient>>()));
        services.AddSingleton<SlackRequestVerifier>();
        services.AddSingleton<SlackWorkspaces>();
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
}
