using FeedbackBot.Jobs.People;

namespace FeedbackBot.Features.People;

internal static class PeopleServiceCollectionExtensions
{
    /// <summary>
    /// The people sync the scheduled job and <c>feedbackbot people sync</c> run. It calls Teams and Slack through the
    /// clients the adapters register (<c>AddTeamsConnector</c>, <c>AddSlackWebApi</c>).
    /// </summary>
    public static IServiceCollection AddFeedbackPeople(this IServiceCollection services)
    {
        services.AddScoped<TeamsRoster>();
        services.AddScoped<SlackRoster>();
        services.AddScoped<PeopleSync>();
        services.AddScoped<IPeopleSync>(provider => provider.GetRequiredService<PeopleSync>());
        return services;
    }
}
