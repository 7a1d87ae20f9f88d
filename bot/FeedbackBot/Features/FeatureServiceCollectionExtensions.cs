using FeedbackBot.Features.Actions;
using FeedbackBot.Features.Coaching;
using FeedbackBot.Features.Contacts;
using FeedbackBot.Features.CustomerSurveys;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.FeedbackLog;
using FeedbackBot.Features.HelpdeskTriggers;
using FeedbackBot.Features.History;
using FeedbackBot.Features.People;
using FeedbackBot.Features.Plans;
using FeedbackBot.Features.Pulses;
using FeedbackBot.Features.Retention;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Features.Roles;
using FeedbackBot.Features.Scheduling;
using FeedbackBot.Features.Scorecards;

namespace FeedbackBot.Features;

/// <summary>
/// Every feature's services and endpoints, one line each. A new feature adds its folder under <c>Features/</c>, its
/// own <c>Add…</c> and <c>Map…</c> there, and one line here (docs/architecture.md).
/// </summary>
internal static class FeatureServiceCollectionExtensions
{
    public static IServiceCollection AddFeedbackFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeedbackPlans();
        services.AddFeedbackPulses();
        services.AddFeedbackReviews(configuration);
        services.AddFeedbackLog();
        services.AddFeedbackRoles();
        services.AddFeedbackCycles();
        services.AddAdminJobs(configuration);
        services.AddFeedbackContacts();
        services.AddFeedbackCustomerSurveys(configuration);
        services.AddFeedbackHelpdeskTriggers(configuration);
        services.AddFeedbackPeople();
        services.AddFeedbackCoaching();
        services.AddFeedbackScorecards();
        services.AddFeedbackActions();
        services.AddFeedbackRetention();
        return services;
    }

    public static WebApplication MapFeedbackFeatures(this WebApplication app)
    {
        app.MapReviewEndpoints();
        app.MapHistoryEndpoints();
        app.MapJobsDashboard();
        app.MapCustomerSurveyEndpoints();
        app.MapHelpdeskTriggers();
        app.MapContactEndpoints();
        return app;
    }
}
