using FeedbackBot.Jobs.Outbox;

namespace FeedbackBot.Infrastructure.Outbox;

internal static class OutboxHostServiceCollectionExtensions
{
    /// <summary>How the outbox dispatcher of <c>jobs/</c> sends: through the bot's own channels.</summary>
    public static IServiceCollection AddOutboxTransport(this IServiceCollection services)
    {
        services.AddScoped<IOutboxTransport, OutboxTransport>();
        return services;
    }
}
