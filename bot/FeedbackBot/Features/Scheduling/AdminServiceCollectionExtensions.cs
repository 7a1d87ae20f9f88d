namespace FeedbackBot.Features.Scheduling;

internal static class AdminServiceCollectionExtensions
{
    public const string AntiforgeryCookieName = "feedbackbot-admin-af";
    public const string AntiforgeryFieldName = "__af";

    /// <summary>The password and antiforgery of <c>/admin/jobs</c>; the job store it shows is registered by <c>AddFeedbackJobs</c>.</summary>
    public static IServiceCollection AddAdminJobs(this IServiceCollection services, IConfiguration configuration)
    {
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
