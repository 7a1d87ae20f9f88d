using FeedbackBot.Jobs.People;

namespace FeedbackBot.Features.People;

internal static class PeopleServiceCollectionExtensions
{
    /// <summary>
    /// The people sync the scheduled job and <c>feedbackbot people sync</c> run. It reads each platform's roster
    /// through the <see cref="IPlatformRosterReader"/> its adapter registers.
    /// </summary>
    public static IServiceCollection AddFeedbackPeople(this IServiceCollection services)
    {
        services.AddScoped<PeopleSync>();
        services.AddScoped<IPeopleSync>(provider => provider.GetRequiredService<PeopleSync>());
        return services;
    }
}
