using Microsoft.Extensions.Options;

namespace FeedbackBot.Reviews;

internal static class ReviewServiceCollectionExtensions
{
    public static IServiceCollection AddFeedbackReviews(this IServiceCollection services, IConfiguration configuration)
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
