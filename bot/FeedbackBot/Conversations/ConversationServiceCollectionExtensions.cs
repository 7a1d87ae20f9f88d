namespace FeedbackBot.Conversations;

internal static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddFeedbackConversations(this IServiceCollection services)
    {
        services.AddScoped<ConversationHandler>();
        services.AddScoped<LatestReviewFeature>();
        services.AddScoped<StartPulseFeature>();
        services.AddScoped<AnswerSurveyFeature>();
        services.AddScoped<LogFeedbackFeature>();
        services.AddScoped<SetRoleFeature>();
        services.AddScoped<PlanCommandsFeature>();
        services.AddScoped<MyPulsesFeature>();
        services.AddScoped<OpenPulses>();
        services.AddSingleton<Inbox.InboundDeliveries>();
        return services;
    }
}
