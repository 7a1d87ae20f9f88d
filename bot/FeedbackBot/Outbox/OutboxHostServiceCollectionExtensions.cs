using FeedbackBot.Jobs.Outbox;

namespace FeedbackBot.Outbox;

internal static class OutboxHostServiceCollectionExtensions
{
    /// <summary>The outbox dispatcher, sending through the bot's own channels.</summary>
    public static IServiceCollection AddFeedbackOutboxSending(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeedbackOutbox(configuration);
        services.AddScoped<IOutboxTransport, OutboxTransport>();
        return services;
    }
}
