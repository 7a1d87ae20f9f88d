using FeedbackBot.Channels.Teams;
using FeedbackBot.Conversations;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Teams;

internal static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddFeedbackTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();

        // One of each for the process: the key cache, the token cache and the send pacer must be shared.
        services.AddSingleton(sp => new BotFrameworkAuthenticator(
            new HttpClient { Timeout = TimeSpan.FromSeconds(10) },
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BotFrameworkAuthenticator>>()));
        services.AddSingleton(sp => new BotTokenProvider(
            new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BotTokenProvider>>()));
        services.AddSingleton(sp => new TeamsSendPacer(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new BotConnectorClient(
            new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
            sp.GetRequiredService<BotTokenProvider>(),
            sp.GetRequiredService<TeamsSendPacer>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BotConnectorClient>>()));
        services.AddScoped<IProactiveSender, TeamsProactiveSender>();
        services.AddScoped<TeamsTurn>();
        return services;
    }
}
