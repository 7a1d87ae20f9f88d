namespace FeedbackBot.Features.FeedbackLog;

internal static class FeedbackLogServiceCollectionExtensions
{
    /// <summary>Customer comments, complaints and praise that staff log in chat (<c>log</c>).</summary>
    public static IServiceCollection AddFeedbackLog(this IServiceCollection services)
    {
        services.AddScoped<LogFeedbackFeature>();
        return services;
    }
}
