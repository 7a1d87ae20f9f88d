using FeedbackBot.Jobs.Coaching;

namespace FeedbackBot.Features.Coaching;

internal static class CoachingServiceCollectionExtensions
{
    /// <summary>QA in chat: scoring interactions, feedback to the agent, their answer, action plans and their reminders.</summary>
    public static IServiceCollection AddFeedbackCoaching(this IServiceCollection services)
    {
        services.AddScoped<EvaluationAccess>();
        services.AddScoped<EvaluationViews>();
        services.AddScoped<ScoreInteractionFeature>();
        services.AddScoped<RespondToEvaluationFeature>();
        services.AddScoped<EvaluationsInChatFeature>();
        services.AddScoped<UpdateCoachingActionFeature>();
        services.AddScoped<CoachingMessages>();
        services.AddScoped<CoachingReminders>();
        services.AddScoped<ICoachingReminders>(provider => provider.GetRequiredService<CoachingReminders>());
        return services;
    }
}
