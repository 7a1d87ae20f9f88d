using FeedbackBot.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Audit;

/// <summary>
/// Records that a report link opened a review or one of its history pages. Whoever holds a link may open it, so the
/// actor is <see cref="AuditTrail.Link"/>: no address, agent or cookie is kept, as none says who the reader is.
/// </summary>
internal static class LinkOpenings
{
    public static async Task RecordAsync(FeedbackDbContext db, Guid reviewId, Guid planId, string action, string page, DateTime now, CancellationToken cancellationToken)
    {
        var tenant = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => (Guid?)p.TenantId).SingleOrDefaultAsync(cancellationToken);
        AuditTrail.Add(db, tenant, now, AuditTrail.Link, action, $"review:{reviewId:D}", page);
        await db.SaveChangesAsync(cancellationToken);
    }
}
