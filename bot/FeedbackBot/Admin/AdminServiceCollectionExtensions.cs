using FeedbackBot.Jobs.Scheduling;

namespace FeedbackBot.Admin;

internal static class AdminServiceCollectionExtensions
{
    public const string AntiforgeryCookieName = "feedbackbot-admin-af";
    public const string AntiforgeryFieldName = "__af";

    /// <summary>The scheduler (started with the host unless <c>Jobs:Enabled</c> is false) and the admin pages over it.</summary>
    public static IServiceCollection AddFeedbackJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeedbackScheduler(configuration);
        services.AddOptions<AdminOptions>().Configure(o => o.Password = configuration[AdminOptions.PasswordKey]);
        services.AddSingleton<AdminAccess>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = AntiforgeryCookieName;
            o.Cookie.Path = "/admin";
            o.FormFieldName = AntiforgeryFieldName;
        });
        return services;
    }
}
