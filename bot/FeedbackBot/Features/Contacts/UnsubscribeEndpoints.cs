using System.Text;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Contacts;

/// <summary>
/// <c>GET /u/{token}</c> asks, <c>POST /u/{token}</c> unsubscribes: the second is what a mail program's one-click
/// "unsubscribe" sends (RFC 8058, body <c>List-Unsubscribe=One-Click</c>) and what the page's button sends. Both
/// answer 404 with nothing else for a token that is not one of ours, before anything is read. Unsubscribing stores
/// the address's keyed hash for the whole tenant, so every later cycle of every plan leaves it out, and e-mails
/// already queued to it are dropped when their turn comes; doing it twice changes nothing.
/// </summary>
internal static class UnsubscribeEndpoints
{
    // The one-click body is 26 bytes and the page's form sends none; nothing larger is ever meant for this endpoint.
    public const int MaxBodyBytes = 4 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/u");
        group.MapGet("/{token}", ShowAsync);
        group.MapPost("/{token}", UnsubscribeAsync).AddEndpointFilter(async (context, next) =>
            // The handler never reads the body; a declared oversize one is still refused unread, as every POST here is.
            context.HttpContext.Request.ContentLength > MaxBodyBytes
                ? Results.StatusCode(StatusCodes.Status413PayloadTooLarge)
                : await next(context));
    }

    private static async Task<IResult> ShowAsync(string token, HttpContext http, UnsubscribeLinks links, FeedbackDbContext db, CancellationToken cancellationToken)
    {
        Secure(http);
        if (await FindAsync(token, links, db, cancellationToken) is not { } found)
        {
            return Results.NotFound();
        }

        var suppressed = found.EmailHash is null
            || await db.EmailSuppressions.AnyAsync(s => s.TenantId == found.TenantId && s.EmailHash == found.EmailHash, cancellationToken);
        var planName = PlanJson.Deserialize(found.Definition).Name;
        return Html(suppressed ? UnsubscribePage.AlreadyUnsubscribed() : UnsubscribePage.Question(planName));
    }

    private static async Task<IResult> UnsubscribeAsync(
        string token, HttpContext http, UnsubscribeLinks links, FeedbackDbContext db, TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        Secure(http);
        if (await FindAsync(token, links, db, cancellationToken) is not { } found)
        {
            return Results.NotFound();
        }

        // An erased contact has no address left to keep out; the answer is the same, since nothing will be sent.
        if (found.EmailHash is { } hash
            && !await db.EmailSuppressions.AnyAsync(s => s.TenantId == found.TenantId && s.EmailHash == hash, cancellationToken))
        {
            db.EmailSuppressions.Add(new EmailSuppression { TenantId = found.TenantId, EmailHash = hash, CreatedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                var log = logs.CreateLogger(typeof(UnsubscribeEndpoints));
                if (log.IsEnabled(LogLevel.Information))
                {
                    log.LogInformation("An address unsubscribed from survey e-mails (invitation {Invitation})", found.InvitationId);
                }
            }
            catch (DbUpdateException)
            {
                // A mail program's one-click and the page's button at the same moment: the other one stored it.
            }
        }

        return Html(UnsubscribePage.Done());
    }

    private static async Task<Found?> FindAsync(string token, UnsubscribeLinks links, FeedbackDbContext db, CancellationToken cancellationToken)
    {
        if (await links.ReadAsync(token, cancellationToken) is not { } invitationId)
        {
            return null;
        }

        return await (from i in db.Invitations.AsNoTracking()
                      join c in db.ReviewCycles on i.CycleId equals c.Id
                      join p in db.Plans on c.PlanId equals p.Id
                      join v in db.PlanVersions on c.PlanVersionId equals v.Id
                      where i.Id == invitationId
                      select new Found(i.Id, p.TenantId, i.Contact == null ? null : i.Contact.EmailHash, v.Definition)).SingleOrDefaultAsync(cancellationToken);
    }

    private static void Secure(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // The token in the address is the only key to this page; it must not travel on in a Referer.
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.ContentSecurityPolicy = UnsubscribePage.ContentSecurityPolicy;
    }

    private static IResult Html(string html) => Results.Text(html, "text/html", Encoding.UTF8);

    private sealed record Found(Guid InvitationId, Guid TenantId, string? EmailHash, string Definition);
}
