using FeedbackBot.Jobs.Cycles;

namespace FeedbackBot.Features.Cycles;

internal static class CycleServiceCollectionExtensions
{
    /// <summary>The host's side of a cycle: what the scheduled jobs of <c>jobs/</c> call at each step.</summary>
    public static IServiceCollection AddFeedbackCycles(this IServiceCollection services)
    {
        services.AddScoped<CycleLifecycle>();
        services.AddScoped<ICycleLifecycle>(sp => sp.GetRequiredService<CycleLifecycle>());
        return services;
    }
}
