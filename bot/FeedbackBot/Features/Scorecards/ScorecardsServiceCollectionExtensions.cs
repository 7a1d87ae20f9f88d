using FeedbackBot.Jobs.Scorecards;

namespace FeedbackBot.Features.Scorecards;

internal static class ScorecardsServiceCollectionExtensions
{
    /// <summary>The QA retention the scheduled <c>system.qa-retention</c> job runs.</summary>
    public static IServiceCollection AddFeedbackScorecards(this IServiceCollection services)
    {
        services.AddScoped<IQaRetention, QaRetention>();
        return services;
    }
}
