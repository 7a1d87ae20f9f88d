using FeedbackBot.Jobs.Scheduling;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Quartz;

namespace FeedbackBot.Features.Scheduling;

/// <summary><c>/admin/jobs</c>: the scheduler's jobs, and buttons to trigger, pause or resume one.</summary>
internal static class AdminJobsEndpoints
{
    public const string Path = "/admin/jobs";

    public static WebApplication MapAdminJobs(this WebApplication app)
    {
        var group = app.MapGroup(Path);
        group.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<AdminAccess>().Refuse(context.HttpContext) ?? await next(context));

        group.MapGet("", ShowAsync);
        group.MapPost("/{action}", ActAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(
        HttpContext context, SchedulerOverview overview, ISchedulerFactory schedulers, IAntiforgery antiforgery,
        IOptions<JobsOptions> jobs, CancellationToken cancellationToken)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var page = new AdminJobsPage(
            await overview.ListAsync(cancellationToken),
            tokens.RequestToken ?? string.Empty,
            scheduler.SchedulerInstanceId,
            jobs.Value.Enabled,
            context.Request.Query["done"].ToString());
        return Html(context, page.Render(), StatusCodes.Status200OK);
    }

    private static async Task<IResult> ActAsync(
        string action, HttpContext context, SchedulerOverview overview, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest("The form has expired or did not come from this page; reload /admin/jobs and try again.");
        }

        var key = (await context.Request.ReadFormAsync(cancellationToken))["key"].ToString();
        Func<string, CancellationToken, Task<JobActionResult>>? operation = action switch
        {
            "trigger" => overview.TriggerAsync,
            "pause" => overview.PauseAsync,
            "resume" => overview.ResumeAsync,
            _ => null,
        };
        if (operation is null)
        {
            return Results.NotFound();
        }

        if (await operation(key, cancellationToken) == JobActionResult.NotFound)
        {
            return Results.NotFound($"No job '{key}'.");
        }

        // See Other: reloading the page afterwards repeats the GET, not the action.
        return new SeeOther($"{Path}?done={Uri.EscapeDataString($"{action} {key}")}");
    }

    private static IResult Html(HttpContext context, string html, int status)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = AdminJobsPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
