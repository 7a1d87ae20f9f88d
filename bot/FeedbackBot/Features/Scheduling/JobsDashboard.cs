using FeedbackBot.Data;
using FeedbackBot.Features.Audit;
using FeedbackBot.Jobs.Scheduling;
using Hangfire;
using Hangfire.Dashboard;

namespace FeedbackBot.Features.Scheduling;

/// <summary>
/// <c>/admin/jobs</c>: Hangfire's own dashboard on the bot's job store. <see cref="AdminAccess"/> decides who sees it
/// before Hangfire is reached; only the admin may trigger, requeue or delete, everyone else who may see it reads.
/// Each action the dashboard carries out is written to the audit trail, one entry for each job it names.
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
                if (HttpMethods.IsPost(context.Request.Method) && context.Response.StatusCode < 400)
                {
                    await AuditAsync(context);
                }
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

    // Hangfire answers a command it carried out with 204 and names its jobs in the form field jobs[] (or in the path,
    // for a single job's page); the form is already read by then, so reading it again costs nothing.
    private static async Task AuditAsync(HttpContext context)
    {
        var command = context.Request.Path.Value![Path.Length..].Trim('/');
        var jobs = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted))["jobs[]"].Where(j => !string.IsNullOrWhiteSpace(j)).Select(j => j!).ToList()
            : [];
        var db = context.RequestServices.GetRequiredService<FeedbackDbContext>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var subject in jobs.Count == 0 ? [command] : jobs.Select(j => $"job:{j}"))
        {
            AuditTrail.Add(db, null, now, AuditTrail.Dashboard, AuditTrail.JobDashboard, subject, command);
        }

        await db.SaveChangesAsync(context.RequestAborted);
    }
}
