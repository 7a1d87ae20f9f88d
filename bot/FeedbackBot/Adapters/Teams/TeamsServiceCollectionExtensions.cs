using FeedbackBot.Channels.Resilience;
using FeedbackBot.Channels.Teams;
using FeedbackBot.Conversations;
using FeedbackBot.Features.People;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Teams;

internal static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddFeedbackTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTeamsConnector(configuration);

        // One for the process: the key cache must be shared.
        services.AddSingleton(sp => new BotFrameworkAuthenticator(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(PlatformHttpClients.TeamsIdentity),
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BotFrameworkAuthenticator>>()));
        services.AddScoped<IProactiveSender, TeamsProactiveSender>();
        services.AddScoped<TeamsTurn>();
        return services;
    }

    /// <summary>
    /// The Teams settings, the Connector client with its token provider and pacer, and the roster reader: what calling
    /// Teams needs, in the bot and in a command that calls Teams (<c>people sync</c>). Their HTTP clients come from
    /// <see cref="IHttpClientFactory"/> with the platforms' resilience handlers (<see cref="PlatformHttpClients"/>); a
    /// <see cref="PlatformResilienceOptions"/> in the container replaces the default one (tests wait on nothing).
    /// </summary>
    public static IServiceCollection AddTeamsConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();

        services.AddTeamsHttpClients();

        // One of each for the process: the token cache and the send pacer must be shared. The clients' connections are
        // renewed by their handler (PlatformHttpClients), so holding one HttpClient for the process is safe.
        services.AddSingleton(sp => new BotTokenProvider(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(PlatformHttpClients.TeamsToken),
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BotTokenProvider>>()));
        services.AddSingleton(sp => new TeamsSendPacer(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new BotConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(PlatformHttpClients.TeamsConnector),
            sp.GetRequiredService<BotTokenProvider>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<PlatformResilienceOptions>()));
        services.AddScoped<IPlatformRosterReader, TeamsRosterReader>();
        return services;
    }
}
