using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.Reviews;

internal static class ReviewServiceCollectionExtensions
{
    /// <summary>Reviews in the running bot: report links, <c>review</c> in chat, and where a cycle's review is posted.</summary>
    public static IServiceCollection AddFeedbackReviews(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReviewReports(configuration);
        services.AddScoped<LatestReviewFeature>();
        services.AddScoped<ReviewPosts>();
        return services;
    }

    /// <summary>What the command line's <c>review</c> needs too: the report settings and signed report links.</summary>
    public static IServiceCollection AddReviewReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>()
            .Configure(o =>
            {
                o.ConfiguredBaseUrl = configuration[ReportOptions.BaseUrlKey];
                o.ConfiguredLinkLifetime = configuration[ReportOptions.LinkLifetimeKey];
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportOptions>, ReportOptionsValidator>();
        services.AddSingleton<ReportLinks>();
        return services;
    }
}
