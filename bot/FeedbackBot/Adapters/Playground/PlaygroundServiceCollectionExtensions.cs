using FeedbackBot.Channels.Playground;
using FeedbackBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Playground;

internal static class PlaygroundServiceCollectionExtensions
{
    /// <summary>
    /// The playground's options and Direct Line services. The conversation features plug in by registering an
    /// <see cref="IPlaygroundBot"/>; <see cref="PlaygroundMessenger"/> is for sending proactively.
    /// </summary>
    public static IServiceCollection AddPlayground(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlaygroundOptions>()
            .Configure(o =>
            {
                o.ConfiguredEnabled = configuration[PlaygroundOptions.EnabledKey];
                o.ConfiguredAllowRemote = configuration[PlaygroundOptions.AllowRemoteKey];
                o.DatabaseProviderName = configuration[DatabaseOptions.ProviderKey];
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlaygroundOptions>, PlaygroundOptionsValidator>();
        services.AddSingleton(DirectLineLimits.Default);
        services.AddSingleton<DirectLineStore>();
        services.AddSingleton<PlaygroundMessenger>();
        services.AddSingleton<DirectLineService>();
        services.AddScoped<IPlaygroundBot, PlaygroundConversationBot>();
        services.AddScoped<Conversations.IProactiveSender, PlaygroundProactiveSender>();
        return services;
    }
}
