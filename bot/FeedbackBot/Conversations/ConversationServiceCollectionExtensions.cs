namespace FeedbackBot.Conversations;

internal static class ConversationServiceCollectionExtensions
{
    /// <summary>The channel-neutral turn every adapter hands over; the features it calls are registered by <c>AddFeedbackFeatures</c>.</summary>
    public static IServiceCollection AddFeedbackConversations(this IServiceCollection services)
    {
        services.AddScoped<ConversationHandler>();
        return services;
    }
}
