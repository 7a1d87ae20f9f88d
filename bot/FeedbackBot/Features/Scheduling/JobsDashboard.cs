using FeedbackBot.Jobs.Scheduling;
using Hangfire;
using Hangfire.Dashboard;

namespace FeedbackBot.Features.Scheduling;

/// <summary>
/// <c>/admin/jobs</c>: Hangfire's own dashboard on the bot's job store. <see cref="AdminAccess"/> decides who sees it
/// before Hangfire is reached; only the admin may trigger, requeue or delete, everyone else who may see it reads.
/// </summary>
internal static class JobsDashboard
{
    public const string Path = "/admin/jobs";

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(async (context, next) =>
            {
                if (context.RequestServices.GetRequiredService<AdminAccess>().Refuse(context) is { } refusal)
                {
                    await refusal.ExecuteAsync(context);
                    return;
                }

                await next(context);
            }));

        var access = app.Services.GetRequiredService<AdminAccess>();
        app.MapHangfireDashboardWithNoAuthorizationFilters(
            Path,
            new DashboardOptions
            {
                DashboardTitle = "FeedbackBot jobs",
                AppPath = null,
                DisplayStorageConnectionString = false,
                IsReadOnlyFunc = context => !access.IsAdmin(context.GetHttpContext()),
                DisplayNameFunc = (_, job) => SchedulerOverview.DisplayName(job),
            },
            app.Services.GetRequiredService<JobStorage>());
        return app;
    }
}
