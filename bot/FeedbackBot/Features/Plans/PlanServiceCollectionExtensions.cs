namespace FeedbackBot.Features.Plans;

internal static class PlanServiceCollectionExtensions
{
    /// <summary>The managers' plan commands in chat; the command line's <c>plans</c> needs nothing registered.</summary>
    public static IServiceCollection AddFeedbackPlans(this IServiceCollection services)
    {
        services.AddScoped<PlanCommandsFeature>();
        return services;
    }
}
