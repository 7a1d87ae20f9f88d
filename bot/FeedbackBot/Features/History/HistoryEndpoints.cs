using System.Text;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Features.Audit;
using FeedbackBot.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.History;

/// <summary>
/// <c>GET /reviews/{id}/history/{kpi}</c>: the history page of one KPI, as the review report links it. It opens with
/// the report's own token, so whoever may read a review may read where its figures came from, and nobody else; a
/// token that does not open the review gets the report's 403 before the database is asked.
/// </summary>
internal static class HistoryEndpoints
{
    public static IEndpointRouteBuilder MapHistoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reviews/{name}/history/{kpi}", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        string name, string kpi, string? token, HttpContext http, ReportLinks links, FeedbackDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(name, "D", out var id))
        {
            return Results.NotFound();
        }

        ReviewEndpoints.SetPrivateHeaders(http.Response);
        if (!await links.IsValidAsync(id, token, cancellationToken))
        {
            return ReviewEndpoints.LinkNotValid();
        }

        var stored = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new { r.PlanId, r.Cycle })
            .SingleOrDefaultAsync(cancellationToken);
        if (stored?.Cycle is not { } cycle)
        {
            return Results.NotFound();
        }

        // The KPI as the plan defines it now, as 'feedbackbot history' draws it: KpiHistory evaluates each cycle under
        // that cycle's own plan version whichever definition it is given, and the definition only names the KPI and
        // picks its chart. A KPI the plan has dropped since the review falls back to the review's version, so a link
        // in an older report never breaks.
        var current = await db.Plans.AsNoTracking().Where(p => p.Id == stored.PlanId).Select(p => p.CurrentVersion).SingleAsync(cancellationToken);
        var versions = await db.PlanVersions.AsNoTracking()
            .Where(v => v.PlanId == stored.PlanId && (v.Number == current || v.Id == cycle.PlanVersionId))
            .Select(v => new { v.Number, v.Definition })
            .ToListAsync(cancellationToken);
        var found = versions.OrderBy(v => v.Number == current ? 0 : 1)
            .Select(v => PlanJson.Deserialize(v.Definition))
            .Select(plan => (Plan: plan, Kpi: plan.Kpis.FirstOrDefault(k => string.Equals(k.Id, kpi, StringComparison.Ordinal))))
            .FirstOrDefault(p => p.Kpi is not null);
        if (found.Kpi is null)
        {
            return Results.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await LinkOpenings.RecordAsync(db, id, stored.PlanId, AuditTrail.HistoryOpened, kpi, now, cancellationToken);
        var history = await KpiHistory.LoadAsync(db, stored.PlanId, found.Plan, found.Kpi, now, upTo: cycle, cancellationToken);
        http.Response.Headers.ContentSecurityPolicy = HistoryHtml.ContentSecurityPolicy + "; frame-ancestors 'none'";

        // From /reviews/{id}/history/{kpi}, two levels up is /reviews/, where the report is.
        var report = $"../../{id:D}?token={Uri.EscapeDataString(token!)}";
        return Results.Text(HistoryHtml.Render(history, found.Plan.Name, now, report), "text/html", Encoding.UTF8);
    }
}
