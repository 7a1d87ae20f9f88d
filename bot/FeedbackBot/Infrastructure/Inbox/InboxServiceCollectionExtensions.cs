namespace FeedbackBot.Infrastructure.Inbox;

internal static class InboxServiceCollectionExtensions
{
    /// <summary>The record of deliveries the platforms may send again, shared by the Teams and Slack adapters.</summary>
    public static IServiceCollection AddFeedbackInbox(this IServiceCollection services)
    {
        services.AddSingleton<InboundDeliveries>();
        return services;
    }
}
