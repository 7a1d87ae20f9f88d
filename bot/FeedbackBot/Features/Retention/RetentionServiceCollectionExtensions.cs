using FeedbackBot.Jobs.Retention;

namespace FeedbackBot.Features.Retention;

internal static class RetentionServiceCollectionExtensions
{
    /// <summary>The response retention the scheduled <c>system.response-retention</c> job runs.</summary>
    public static IServiceCollection AddFeedbackRetention(this IServiceCollection services)
    {
        services.AddScoped<IResponseRetention, ResponseRetention>();
        return services;
    }
}
