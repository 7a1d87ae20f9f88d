using System.Text;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Features.Audit;
using FeedbackBot.Features.Reviews.Rendering;
using FeedbackBot.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Reviews;

/// <summary>
/// <c>GET /reviews/{id}</c> (HTML), <c>/reviews/{id}.json</c> and <c>/reviews/{id}.csv</c>. Each needs the signed
/// token of its link; without a valid one the answer is 403 with no data, before the database is asked. The KPI history
/// pages the report links to take the same token (<see cref="History.HistoryEndpoints"/>).
/// </summary>
internal static class ReviewEndpoints
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reviews/{name}", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        string name, string? token, HttpContext http, ReportLinks links, FeedbackDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var idText = dot < 0 ? name : name[..dot];
        var extension = dot < 0 ? "" : name[(dot + 1)..];
        if (!Guid.TryParseExact(idText, "D", out var id) || extension is not ("" or "json" or "csv"))
        {
            return Results.NotFound();
        }

        SetPrivateHeaders(http.Response);
        if (!await links.IsValidAsync(id, token, cancellationToken))
        {
            return LinkNotValid();
        }

        var stored = await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (stored is null)
        {
            return Results.NotFound();
        }

        BotTelemetry.ReportOpens.Add(1, new KeyValuePair<string, object?>("format", extension is "" ? "html" : extension));
        await LinkOpenings.RecordAsync(db, id, stored.PlanId, AuditTrail.ReportOpened, extension.Length == 0 ? "html" : extension, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var review = ReviewJson.Deserialize(stored.Document);
        var query = "?token=" + Uri.EscapeDataString(token!);
        switch (extension)
        {
            case "json":
                return Results.Text(ReviewJson.Serialize(review, indented: true), "application/json", Encoding.UTF8);
            case "csv":
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"review-{review.Plan.Id}-{id:N}.csv\"";
                return Results.Text(ReviewCsv.Render(review), "text/csv", Encoding.UTF8);
            default:
                http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                // Relative to /reviews/, as the downloads are; the history page takes the same token (HistoryEndpoints).
                var history = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var metric in review.Metrics)
                {
                    history[metric.Id] = $"{id:D}/history/{Uri.EscapeDataString(metric.Id)}{query}";
                }

                var html = ReviewHtml.Render(review, new HtmlReportOptions($"{id:D}.csv{query}", $"{id:D}.json{query}", stored.CreatedAt, history));
                return Results.Text(html, "text/html", Encoding.UTF8);
        }
    }

    /// <summary>What every page opened by a report link sends: never cached, never sniffed, and its token never leaked as a referrer.</summary>
    internal static void SetPrivateHeaders(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    /// <summary>The answer to a report link whose token does not open it: the same for every page, and with no data.</summary>
    internal static IResult LinkNotValid() =>
        Results.Text("This report link is not valid or has expired. Ask the bot for the latest review to get a new link.\n", "text/plain", Encoding.UTF8, StatusCodes.Status403Forbidden);
}
